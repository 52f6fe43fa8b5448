/**
 * The decision API's key check, in two halves so it can be cached: `lookupApiKey` reads a key by
 * its SHA-256 together with its agent's freeze and the organization's decision stamp, in one SQL
 * statement (one snapshot, so the row is never newer than the stamp it is cached under), and
 * `keyStanding` judges it at each use, so an expiry needs no reload.
 */
import type { Db } from "@sekuire/db";
import { type ApiKeyStatus, apiKeyStatus, isUsable } from "../agents/api-key-status.js";
import { checkSecret, hashSecret } from "../secrets.js";

export interface KeyRecord {
  keyId: string;
  organizationId: string;
  workspaceId: string;
  agentId: string;
  agentFrozen: boolean;
  revokedAt: Date | null;
  expiresAt: Date | null;
  graceUntil: Date | null;
  lastUsedAt: Date | null;
  /** the organization's decision stamp when this was read */
  stamp: number;
}

export type KeyLookup =
  | { found: true; key: KeyRecord }
  | { found: false; reason: "malformed" | "unknown" };

export type KeyStanding = "usable" | Exclude<ApiKeyStatus, "active" | "rotating">;

/** The SHA-256 a key is stored and cached under; null when it cannot be a live key at all. */
export function apiKeyHash(secret: unknown): string | null {
  return checkSecret(secret) === "live" ? hashSecret(secret as string) : null;
}

export async function lookupApiKey(db: Db, secretHash: string): Promise<KeyLookup> {
  // By hash, across organizations: the hash is the only way in (a deliberate $unscoped read).
  const rows = await db.$unscoped.$queryRaw<
    Array<Omit<KeyRecord, "stamp"> & { stamp: number }>
  >`SELECT k."id" AS "keyId", k."organizationId", k."workspaceId", k."agentId",
           a."frozen" AS "agentFrozen", k."revokedAt", k."expiresAt", k."graceUntil",
           k."lastUsedAt", o."decisionStamp" AS "stamp"
      FROM "ApiKey" k
      JOIN "Agent" a ON a."id" = k."agentId"
      JOIN "Organization" o ON o."id" = k."organizationId"
     WHERE k."secretHash" = ${secretHash}`;
  const key = rows[0];
  return key ? { found: true, key } : { found: false, reason: "unknown" };
}

export function keyStanding(key: KeyRecord, now: Date): KeyStanding {
  const status = apiKeyStatus(key, now);
  return isUsable(status) ? "usable" : (status as KeyStanding);
}

/** lastUsedAt is written at most this often per key, so the hot path rarely writes at all. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * A conditional write, issued only when the stored time is over a minute old: concurrent calls
 * on many servers then update the row once, and a failure here never fails the request.
 */
export async function touchLastUsed(
  db: Db,
  key: { keyId: string; organizationId: string; lastUsedAt: Date | null },
  now: Date,
): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (key.lastUsedAt && key.lastUsedAt > staleBefore) return;
  await db.apiKey
    .updateMany({
      where: {
        organizationId: key.organizationId,
        id: key.keyId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }],
      },
      data: { lastUsedAt: now },
    })
    .catch(() => undefined);
}
