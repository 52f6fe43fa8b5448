import type { Db, DbTransaction, Role } from "@sekuire/db";
import { z } from "zod";
import { type Access, authorizeInTx, type Principal, roleAtLeast } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { forbidden, notFound } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import {
  type AdminTokenView,
  adminTokenSelect,
  toAdminTokenView,
  tokenAuditDetails,
} from "./admin-token-view.js";

export const revokeAdminTokenInput = z.object({
  organizationId: organizationIdSchema,
  tokenId: idOf("adt"),
});
export type RevokeAdminTokenInput = z.input<typeof revokeAdminTokenInput>;

/**
 * Revokes a token now; it fails on its next call. Only someone with at least the token's role
 * may revoke it (an admin cannot switch off an owner's automation). Revoking twice is a no-op.
 */
export async function revokeAdminToken(
  db: Db,
  principal: Principal,
  input: RevokeAdminTokenInput,
  now: Date = new Date(),
): Promise<AdminTokenView> {
  const { organizationId, tokenId } = parseInput(revokeAdminTokenInput, input);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const token = await tx.adminToken.findFirst({
      where: { organizationId, id: tokenId },
      select: adminTokenSelect,
    });
    if (!token) throw notFound("The admin token");
    if (!roleAtLeast(access.role, token.role)) {
      throw forbidden(`Revoking a token with the ${token.role} role needs that role.`);
    }
    if (token.revokedAt) return toAdminTokenView(token, now);
    const row = await tx.adminToken.update({
      where: { id: tokenId, organizationId },
      data: { revokedAt: now },
      select: adminTokenSelect,
    });
    await recordTokenRevoked(tx, access, { ...row, id: tokenId });
    return toAdminTokenView(row, now);
  });
}

/** The `admin_token.revoked` event, by hand or with its creator (`extra` says why). */
export async function recordTokenRevoked(
  tx: DbTransaction,
  access: Access,
  token: { id: string; name: string; role: Role; prefix: string; lastFour: string },
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, {
    organizationId: access.organizationId,
    actor: access.actor,
    origin: access.origin,
    action: "admin_token.revoked",
    targetType: "admin_token",
    targetId: token.id,
    details: { ...tokenAuditDetails(token), ...extra },
  });
}
