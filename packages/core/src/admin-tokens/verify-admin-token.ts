import type { Db } from "@sekuire/db";
import type { Principal } from "../access/index.js";
import { lowerRole } from "../access/roles.js";
import { checkSecret, hashSecret } from "../secrets.js";
import { adminTokenStatus } from "./admin-token-view.js";

const LAST_USED_RESOLUTION_MS = 60_000;

export type AdminTokenPrincipal = Extract<Principal, { kind: "admin_token" }>;

/**
 * Authenticates a `sek_admin_…` bearer token: offline checksum, then lookup by SHA-256. Returns
 * the Principal the services authorize, or null for anything that must be refused (malformed,
 * unknown, revoked, expired), so the HTTP layer answers one indistinct 401.
 *
 * The principal's role is the token's own, capped at its creator's current role. A live token
 * whose creator has left still verifies: every authorization re-reads the standing and answers
 * 403 `token_creator_not_member`, which tells the script's owner what happened, unlike a 401.
 */
export async function verifyAdminToken(
  db: Db,
  secret: unknown,
  now: Date = new Date(),
): Promise<AdminTokenPrincipal | null> {
  if (checkSecret(secret) !== "admin") return null;
  const token = await db.adminToken.findUnique({
    where: { secretHash: hashSecret(secret as string) },
    select: {
      id: true,
      organizationId: true,
      role: true,
      name: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      createdById: true,
    },
  });
  if (!token || adminTokenStatus(token, now) !== "active") return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!token.lastUsedAt || token.lastUsedAt <= staleBefore) {
    await db.adminToken
      .updateMany({
        where: {
          organizationId: token.organizationId,
          id: token.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }],
        },
        data: { lastUsedAt: now },
      })
      .catch(() => undefined);
  }
  const creator = token.createdById
    ? await db.membership.findUnique({
        where: {
          organizationId_userId: {
            organizationId: token.organizationId,
            userId: token.createdById,
          },
        },
        select: { role: true },
      })
    : null;
  return {
    kind: "admin_token",
    tokenId: token.id,
    organizationId: token.organizationId,
    role: creator ? lowerRole(token.role, creator.role) : token.role,
    label: token.name,
  };
}
