import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "./find-workspace.js";

export const deleteWorkspaceInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
});
export type DeleteWorkspaceInput = z.input<typeof deleteWorkspaceInput>;

/**
 * Deletes a workspace with its agents, their keys and its assignments (the database cascades).
 * The agents' keys stop working at once; the decision log keeps its history.
 */
export async function deleteWorkspace(
  db: Db,
  principal: Principal,
  input: DeleteWorkspaceInput,
): Promise<void> {
  const { organizationId, workspaceId } = parseInput(deleteWorkspaceInput, input);
  await decisionTransaction(db, organizationId, async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const workspace = await findWorkspace(tx, organizationId, workspaceId);
    await tx.workspace.delete({ where: { id: workspaceId, organizationId } });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "workspace.deleted",
      targetType: "workspace",
      targetId: workspaceId,
      details: { name: workspace.name, slug: workspace.slug },
    });
  });
}
