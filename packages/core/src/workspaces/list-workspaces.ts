import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "./find-workspace.js";
import { type WorkspaceView, workspaceSelect } from "./workspace-view.js";

export const listWorkspacesInput = z.object({ organizationId: organizationIdSchema });
export type ListWorkspacesInput = z.input<typeof listWorkspacesInput>;

/** A workspace in the list, with how many policies are assigned to it and agents run in it. */
export interface WorkspaceListItem extends WorkspaceView {
  assignmentCount: number;
  agentCount: number;
}

/** The organization's workspaces by name; any member may see them. */
export async function listWorkspaces(
  db: Db,
  principal: Principal,
  input: ListWorkspacesInput,
): Promise<WorkspaceListItem[]> {
  const { organizationId } = parseInput(listWorkspacesInput, input);
  await authorize(db, principal, organizationId, "viewer");
  const rows = await db.workspace.findMany({
    where: { organizationId },
    select: { ...workspaceSelect, _count: { select: { assignments: true, agents: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, ...workspace }) => ({
    ...workspace,
    assignmentCount: _count.assignments,
    agentCount: _count.agents,
  }));
}

export const getWorkspaceInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
});
export type GetWorkspaceInput = z.input<typeof getWorkspaceInput>;

export async function getWorkspace(
  db: Db,
  principal: Principal,
  input: GetWorkspaceInput,
): Promise<WorkspaceView> {
  const { organizationId, workspaceId } = parseInput(getWorkspaceInput, input);
  await authorize(db, principal, organizationId, "viewer");
  return findWorkspace(db, organizationId, workspaceId);
}
