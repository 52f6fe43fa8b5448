import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal, roleAtLeast } from "../access/index.js";
import { revokeTokensOfMember } from "../admin-tokens/revoke-member-tokens.js";
import { recordAudit } from "../audit/index.js";
import { idOf, organizationIdSchema, parseInput, roleSchema } from "../shared/index.js";
import { findMembership } from "./find-membership.js";
import type { MemberView } from "./member-view.js";
import { assertMayManageRole, assertNotLastOwner, lockMembershipChanges } from "./role-rules.js";

export const changeRoleInput = z.object({
  organizationId: organizationIdSchema,
  userId: idOf("usr"),
  role: roleSchema,
});
export type ChangeRoleInput = z.input<typeof changeRoleInput>;

/**
 * Changes a member's role. Admins move people between approver and viewer; anything that
 * touches owner or admin (before or after) needs an owner, and the last owner stays an owner.
 * A demotion revokes, in the same transaction, the member's admin tokens above the new role.
 */
export async function changeRole(
  db: Db,
  principal: Principal,
  input: ChangeRoleInput,
): Promise<MemberView> {
  const { organizationId, userId, role } = parseInput(changeRoleInput, input);
  return db.$transaction(async (tx) => {
    await lockMembershipChanges(tx, organizationId);
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const membership = await findMembership(tx, organizationId, userId);
    assertMayManageRole(access.role, membership.role, role);
    const view = (r = membership.role): MemberView => ({
      userId,
      email: membership.user.email,
      name: membership.user.name,
      role: r,
      joinedAt: membership.createdAt,
    });
    if (membership.role === role) return view();
    if (membership.role === "owner") await assertNotLastOwner(tx, organizationId, userId);
    await tx.membership.update({
      where: { organizationId_userId: { organizationId, userId } },
      data: { role },
    });
    const revokedTokens = roleAtLeast(role, membership.role)
      ? 0
      : await revokeTokensOfMember(tx, access, {
          organizationId,
          userId,
          reason: "creator_demoted",
          newRole: role,
        });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "member.role_changed",
      targetType: "user",
      targetId: userId,
      details: { email: membership.user.email, from: membership.role, to: role, revokedTokens },
    });
    return view(role);
  });
}
