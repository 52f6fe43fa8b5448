import type { Db } from "@sekuire/db";
import type { Principal } from "../access/index.js";
import { checkSecret, hashSecret } from "../secrets.js";
import { adminTokenStatus } from "./admin-token-view.js";

const LAST_USED_RESOLUTION_MS = 60_000;

export type AdminTokenPrincipal = Extract<Principal, { kind: "admin_token" }>;

/**
 * Authenticates a `sek_admin_…` bearer token: offline checksum, then lookup by SHA-256. Returns
 * the Principal the services authorize, or null for anything that must be refused (malformed,
 * unknown, revoked, expired), so the HTTP layer answers one indistinct 401.
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
  return {
    kind: "admin_token",
    tokenId: token.id,
    organizationId: token.organizationId,
    role: token.role,
    label: token.name,
  };
}
