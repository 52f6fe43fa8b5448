// Workspaces: where agents live and policies are assigned, inside one organization.
export {
  type CreateWorkspaceInput,
  createWorkspace,
  createWorkspaceInput,
} from "./create-workspace.js";
export {
  type DeleteWorkspaceInput,
  deleteWorkspace,
  deleteWorkspaceInput,
} from "./delete-workspace.js";
export { findWorkspace } from "./find-workspace.js";
export {
  type SetWorkspaceFrozenInput,
  setWorkspaceFrozen,
  setWorkspaceFrozenInput,
} from "./freeze-workspace.js";
export {
  type GetWorkspaceInput,
  getWorkspace,
  getWorkspaceInput,
  type ListWorkspacesInput,
  listWorkspaces,
  listWorkspacesInput,
  type WorkspaceListItem,
} from "./list-workspaces.js";
export { slugify, slugSchema } from "./slug.js";
export {
  type UpdateWorkspaceInput,
  updateWorkspace,
  updateWorkspaceInput,
} from "./update-workspace.js";
export type { WorkspaceView } from "./workspace-view.js";
