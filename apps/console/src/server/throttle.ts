/**
 * Slowing down repeated failed sign-ins, per account (email) and per address (ip), from the
 * SignInAttempt table. Rule: within the last 15 minutes, once an email has 5 failures (or an
 * address 20), the next attempt is refused until the last failure is older than a delay that
 * doubles with every further failure: 30 s, 1 min, 2 min, … capped at 15 min. A refused attempt
 * is itself a failure ("throttled"), so hammering keeps the door shut; a success does not reset
 * the window, the delay simply runs out.
 */
import type { Db } from "@sekuire/db";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export interface ThrottleVerdict {
  allowed: boolean;
  /** When refused: seconds until the next attempt may succeed. */
  retryAfterSeconds?: number;
}

function delayFor(failures: number, limit: number): number {
  const over = failures - limit;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, over));
}

async function verdictFor(
  db: Db,
  where: { email: string } | { ip: string },
  limit: number,
  now: number,
): Promise<ThrottleVerdict> {
  const since = new Date(now - THROTTLE_WINDOW_MS);
  const failures = await db.$unscoped.signInAttempt.count({
    where: { ...where, success: false, createdAt: { gte: since } },
  });
  if (failures < limit) return { allowed: true };
  const last = await db.$unscoped.signInAttempt.findFirst({
    where: { ...where, success: false },
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
  const byEmail = await verdictFor(db, { email }, MAX_FAILURES_PER_EMAIL, now);
  if (!byEmail.allowed) return byEmail;
  if (ip) return verdictFor(db, { ip }, MAX_FAILURES_PER_IP, now);
  return { allowed: true };
}

export function throttledMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds >= 60
      ? `${Math.ceil(retryAfterSeconds / 60)} minute${retryAfterSeconds >= 120 ? "s" : ""}`
      : `${retryAfterSeconds} seconds`;
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}
