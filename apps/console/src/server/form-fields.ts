/** Reading the console forms' shared fields. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** `expiresInDays` "30" → an ISO date 30 days from now; empty or "never" → no expiry. */
export function expiryFrom(form: FormData, now = Date.now()): string | undefined {
  const days = Number(form.get("expiresInDays") ?? "");
  return Number.isInteger(days) && days > 0
    ? new Date(now + days * DAY_MS).toISOString()
    : undefined;
}
