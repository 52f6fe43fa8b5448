import type { DbTransaction } from "@sekuire/db";
import { notFound } from "../errors/index.js";
import { type WorkspaceView, workspaceSelect } from "./workspace-view.js";

/** The workspace if it belongs to this organization; NOT_FOUND for a missing or foreign id. */
export async function findWorkspace(
  tx: Pick<DbTransaction, "workspace">,
  organizationId: string,
  workspaceId: string,
): Promise<WorkspaceView> {
  const workspace = await tx.workspace.findFirst({
    where: { organizationId, id: workspaceId },
    select: workspaceSelect,
  });
  if (!workspace) throw notFound("The workspace");
  return workspace;
}
