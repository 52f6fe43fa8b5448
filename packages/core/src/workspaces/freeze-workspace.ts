/**
 * The workspace kill switch: every decision for every agent of a frozen workspace is Deny
 * `Frozen` (keys still authenticate, so attempts are recorded) until it is unfrozen. The change
 * raises the decision stamp by trigger and is announced after commit: every decision API
 * process applies it within a second.
 */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { freezeFields } from "../access/actor-name.js";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "./find-workspace.js";
import { type WorkspaceView, workspaceSelect } from "./workspace-view.js";

export const setWorkspaceFrozenInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
  frozen: z.boolean(),
});

export type SetWorkspaceFrozenInput = z.input<typeof setWorkspaceFrozenInput>;

export async function setWorkspaceFrozen(
  db: Db,
  principal: Principal,
  input: SetWorkspaceFrozenInput,
): Promise<WorkspaceView> {
  const { organizationId, workspaceId, frozen } = parseInput(setWorkspaceFrozenInput, input);
  return decisionTransaction(db, organizationId, async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const before = await findWorkspace(tx, organizationId, workspaceId);
    if (before.frozen === frozen) return before;
    const workspace = await tx.workspace.update({
      where: { id: workspaceId, organizationId },
      data: await freezeFields(tx, organizationId, access.actor, frozen),
      select: workspaceSelect,
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: frozen ? "workspace.frozen" : "workspace.unfrozen",
      targetType: "workspace",
      targetId: workspaceId,
      details: { name: workspace.name },
    });
    return workspace;
  });
}
