/**
 * Whether a key works at a given moment, decided in one place for the list view and for the
 * decision API's check, so the console never shows "active" for a key the API refuses.
 */
export type ApiKeyStatus = "active" | "rotating" | "rotated" | "revoked" | "expired";

export interface ApiKeyTimes {
  revokedAt: Date | null;
  expiresAt: Date | null;
  graceUntil: Date | null;
}

export function apiKeyStatus(key: ApiKeyTimes, now: Date): ApiKeyStatus {
  const t = now.getTime();
  if (key.revokedAt && key.revokedAt.getTime() <= t) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= t) return "expired";
  // graceUntil is set on the old key when it is rotated: it works until then, not after.
  if (key.graceUntil) return key.graceUntil.getTime() <= t ? "rotated" : "rotating";
  return "active";
}

export function isUsable(status: ApiKeyStatus): boolean {
  return status === "active" || status === "rotating";
}
