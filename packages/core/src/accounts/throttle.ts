/**
 * Slowing down repeated failed sign-ins, from the SignInAttempt table, per address and per
 * account-and-address (OWASP authentication cheat sheet): failures from one address slow that
 * address, never the account's real owner signing in from elsewhere.
 *
 * Rule: within the last 15 minutes, once an email has 5 failures from one address, or an
 * address 20 failures over all emails (password spraying), the next attempt from that address
 * (for that email) is refused until the last failure is older than a delay that doubles with
 * every further failure: 30 s, 1 min, 2 min, … capped at 15 min. A refused attempt is recorded
 * ("throttled") but is not a failure, so hammering a shut door does not keep it shut: each
 * delay runs out 15 minutes after the last real failure at most. A success does not reset the
 * window; the delay simply runs out.
 *
 * An unknown address (null: e.g. the console is not served by its node-server/main.mjs,
 * which reads the socket) is one address for this rule: all such attempts share its limits, so spraying
 * is still slowed, at the price that they can slow each other.
 */
import type { Db } from "@sekuire/db";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export interface ThrottleVerdict {
  allowed: boolean;
  /** When refused: seconds until the next attempt may succeed. */
  retryAfterSeconds?: number;
}

type Bucket = { email: string; ip: string | null } | { ip: string | null };

function delayFor(failures: number, limit: number): number {
  const over = failures - limit;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, over));
}

/** Failures that count: refusals by the throttle itself do not (`reason` is never null here). */
function counted(bucket: Bucket, since?: Date) {
  return {
    ...bucket,
    success: false,
    NOT: { reason: "throttled" },
    ...(since ? { createdAt: { gte: since } } : {}),
  };
}

async function verdictFor(
  db: Db,
  bucket: Bucket,
  limit: number,
  now: number,
): Promise<ThrottleVerdict> {
  const since = new Date(now - THROTTLE_WINDOW_MS);
  const failures = await db.$unscoped.signInAttempt.count({ where: counted(bucket, since) });
  if (failures < limit) return { allowed: true };
  const last = await db.$unscoped.signInAttempt.findFirst({
    where: counted(bucket),
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const until = (last?.createdAt.getTime() ?? now) + delayFor(failures, limit);
  if (until <= now) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) };
}

export async function checkThrottle(
  db: Db,
  email: string,
  ip: string | null,
  now = Date.now(),
): Promise<ThrottleVerdict> {
  const pair = await verdictFor(db, { email, ip }, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, now);
  if (!pair.allowed) return pair;
  return verdictFor(db, { ip }, MAX_FAILURES_PER_ADDRESS, now);
}

export function throttledMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds >= 60
      ? `${Math.ceil(retryAfterSeconds / 60)} minute${retryAfterSeconds >= 120 ? "s" : ""}`
      : `${retryAfterSeconds} seconds`;
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}
