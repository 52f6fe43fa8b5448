// Organizations: sign-up (an organization with its first owner), the caller's list, settings.
export {
  type CreateOrganizationInput,
  createOrganization,
  createOrganizationInput,
  foundOrganization,
} from "./create-organization.js";
export { listOrganizations } from "./list-organizations.js";
export type { OrganizationView } from "./organization-view.js";
export {
  renameOrganization,
  type UpdateOrganizationInput,
  updateOrganization,
  updateOrganizationInput,
} from "./update-organization.js";
