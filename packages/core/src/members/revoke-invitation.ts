import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError, notFound } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { assertMayManageRole } from "./role-rules.js";

export const revokeInvitationInput = z.object({
  organizationId: organizationIdSchema,
  invitationId: idOf("inv"),
});
export type RevokeInvitationInput = z.input<typeof revokeInvitationInput>;

/** Withdraws a pending invitation; its link stops working at once. */
export async function revokeInvitation(
  db: Db,
  principal: Principal,
  input: RevokeInvitationInput,
  now: Date = new Date(),
): Promise<void> {
  const { organizationId, invitationId } = parseInput(revokeInvitationInput, input);
  await db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const invitation = await tx.invitation.findFirst({
      where: { organizationId, id: invitationId },
    });
    if (!invitation) throw notFound("The invitation");
    // Whoever may not hand out a role may not withdraw the offer of it either.
    assertMayManageRole(access.role, invitation.role);
    if (invitation.acceptedAt) {
      throw new AppError("PRECONDITION_FAILED", "This invitation has already been accepted.");
    }
    if (invitation.revokedAt) return;
    await tx.invitation.update({
      where: { id: invitationId, organizationId },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitationId,
      details: { email: invitation.email, role: invitation.role },
    });
  });
}
