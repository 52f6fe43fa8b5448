import type { DbTransaction, Role } from "@sekuire/db";
import type { Access } from "../access/index.js";
import { rolesAbove } from "../access/roles.js";
import { recordTokenRevoked } from "./revoke-admin-token.js";

/** Why a member's tokens were revoked, as the audit trail records it. */
export type TokenRevocationReason = "creator_removed" | "creator_left" | "creator_demoted";

export interface RevokeTokensOfMemberInput {
  organizationId: string;
  /** the member whose tokens go */
  userId: string;
  reason: TokenRevocationReason;
  /** for a demotion: the new role; only the tokens above it are revoked */
  newRole?: Role;
}

/**
 * Revokes, inside the caller's transaction (the removal, departure or demotion itself), the live
 * tokens `userId` created in the organization, each with an `admin_token.revoked` event whose
 * actor is whoever made the change. A demotion revokes only the tokens above the new role: they
 * are revoked rather than quietly narrowed, so a script learns at once (401) instead of failing
 * on some calls later, the list shows why, and a promotion back does not revive them.
 * Returns how many were revoked.
 */
export async function revokeTokensOfMember(
  tx: DbTransaction,
  access: Access,
  input: RevokeTokensOfMemberInput,
  now: Date = new Date(),
): Promise<number> {
  const { organizationId, userId, reason, newRole } = input;
  const tokens = await tx.adminToken.findMany({
    where: {
      organizationId,
      createdById: userId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      ...(newRole ? { role: { in: rolesAbove(newRole) } } : {}),
    },
    select: { id: true, name: true, role: true, prefix: true, lastFour: true },
    orderBy: { createdAt: "asc" },
  });
  if (tokens.length === 0) return 0;
  await tx.adminToken.updateMany({
    where: { organizationId, id: { in: tokens.map((t) => t.id) } },
    data: { revokedAt: now },
  });
  for (const token of tokens) {
    await recordTokenRevoked(tx, access, token, {
      reason,
      creatorId: userId,
      ...(newRole ? { creatorRole: newRole } : {}),
    });
  }
  return tokens.length;
}
