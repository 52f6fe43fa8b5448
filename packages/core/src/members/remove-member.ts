import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { revokeTokensOfMember } from "../admin-tokens/revoke-member-tokens.js";
import { recordAudit } from "../audit/index.js";
import { AppError, forbidden } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findMembership } from "./find-membership.js";
import { assertMayManageRole, assertNotLastOwner, lockMembershipChanges } from "./role-rules.js";

export const removeMemberInput = z.object({
  organizationId: organizationIdSchema,
  userId: idOf("usr"),
});
export type RemoveMemberInput = z.input<typeof removeMemberInput>;

/**
 * Removes someone else from the organization. Their access ends at once, because roles are read
 * from the membership on every call, and their admin tokens are revoked in the same transaction
 * (each on the record). Owners and admins can only be removed by an owner.
 */
export async function removeMember(
  db: Db,
  principal: Principal,
  input: RemoveMemberInput,
): Promise<void> {
  const { organizationId, userId } = parseInput(removeMemberInput, input);
  await db.$transaction(async (tx) => {
    await lockMembershipChanges(tx, organizationId);
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    if (principal.kind === "user" && principal.userId === userId) {
      throw new AppError("BAD_REQUEST", "To remove yourself, leave the organization instead.", [
        { pointer: "/userId", message: "This is you: use leave." },
      ]);
    }
    const membership = await findMembership(tx, organizationId, userId);
    assertMayManageRole(access.role, membership.role);
    if (membership.role === "owner") await assertNotLastOwner(tx, organizationId, userId);
    await tx.membership.delete({
      where: { organizationId_userId: { organizationId, userId } },
    });
    const revokedTokens = await revokeTokensOfMember(tx, access, {
      organizationId,
      userId,
      reason: "creator_removed",
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "member.removed",
      targetType: "user",
      targetId: userId,
      details: { email: membership.user.email, role: membership.role, revokedTokens },
    });
  });
}

export const leaveOrganizationInput = z.object({ organizationId: organizationIdSchema });
export type LeaveOrganizationInput = z.input<typeof leaveOrganizationInput>;

/**
 * The caller leaves, and their admin tokens are revoked with it; the last owner must first hand
 * the organization to another owner.
 */
export async function leaveOrganization(
  db: Db,
  principal: Principal,
  input: LeaveOrganizationInput,
): Promise<void> {
  const { organizationId } = parseInput(leaveOrganizationInput, input);
  if (principal.kind !== "user")
    throw forbidden("An admin token is not a member and cannot leave.");
  await db.$transaction(async (tx) => {
    await lockMembershipChanges(tx, organizationId);
    const access = await authorizeInTx(tx, principal, organizationId, "viewer");
    const membership = await findMembership(tx, organizationId, principal.userId);
    if (membership.role === "owner") await assertNotLastOwner(tx, organizationId, principal.userId);
    await tx.membership.delete({
      where: { organizationId_userId: { organizationId, userId: principal.userId } },
    });
    const revokedTokens = await revokeTokensOfMember(tx, access, {
      organizationId,
      userId: principal.userId,
      reason: "creator_left",
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "member.left",
      targetType: "user",
      targetId: principal.userId,
      details: { email: membership.user.email, role: membership.role, revokedTokens },
    });
  });
}
