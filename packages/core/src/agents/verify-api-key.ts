import type { Db } from "@sekuire/db";
import { touchLastUsed } from "../decisions/api-keys.js";
import { checkSecret, hashSecret } from "../secrets.js";
import { type ApiKeyStatus, apiKeyStatus, isUsable } from "./api-key-status.js";

export type ApiKeyRefusal = "malformed" | "unknown" | Exclude<ApiKeyStatus, "active" | "rotating">;

export type ApiKeyVerification =
  | {
      valid: true;
      organizationId: string;
      workspaceId: string;
      agentId: string;
      keyId: string;
      /** A frozen agent authenticates (its attempts are logged) but every decision is a Deny. */
      agentFrozen: boolean;
    }
  | { valid: false; reason: ApiKeyRefusal };

/**
 * The decision API's per-call check. The offline checksum rejects typos and random strings
 * without touching the database; then the key is looked up by its SHA-256 (the only way in,
 * which is why the tenant guard accepts secretHash as a scope). No cache: a revoked key stops
 * working on the very next call on every server.
 */
export async function verifyApiKey(
  db: Db,
  secret: unknown,
  now: Date = new Date(),
): Promise<ApiKeyVerification> {
  if (checkSecret(secret) !== "live") return { valid: false, reason: "malformed" };
  const key = await db.apiKey.findUnique({
    where: { secretHash: hashSecret(secret as string) },
    select: {
      id: true,
      organizationId: true,
      workspaceId: true,
      agentId: true,
      revokedAt: true,
      expiresAt: true,
      graceUntil: true,
      lastUsedAt: true,
      agent: { select: { frozen: true } },
    },
  });
  if (!key) return { valid: false, reason: "unknown" };
  const status = apiKeyStatus(key, now);
  if (!isUsable(status)) return { valid: false, reason: status as ApiKeyRefusal };
  await touchLastUsed(
    db,
    { keyId: key.id, organizationId: key.organizationId, lastUsedAt: key.lastUsedAt },
    now,
  );
  return {
    valid: true,
    organizationId: key.organizationId,
    workspaceId: key.workspaceId,
    agentId: key.agentId,
    keyId: key.id,
    agentFrozen: key.agent.frozen,
  };
}
