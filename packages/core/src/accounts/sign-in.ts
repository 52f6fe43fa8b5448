/**
 * Signing in, as the console's next-auth providers ask for it: by password (throttled, every
 * attempt recorded, the same work whether or not the account exists) or by an email link (only
 * for existing accounts).
 */
import type { Db } from "@sekuire/db";
import { sendSignInLink } from "../mail/index.js";
import { normalizeEmail } from "./emails.js";
import { passwordMatches } from "./password-check.js";
import { recordSignIn } from "./sign-in-records.js";
import { checkThrottle, throttledMessage } from "./throttle.js";

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
}

export type PasswordSignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; message: string };

export async function passwordSignIn(
  db: Db,
  attempt: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<PasswordSignInResult> {
  const email = normalizeEmail(attempt.email);
  const { password, ip, userAgent } = attempt;
  if (!email || !password) return { ok: false, message: "Enter your email and password." };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const base = { email, ip, userAgent, method: "password" as const, userId: user?.id ?? null };
  const verdict = await checkThrottle(db, email, ip);
  if (!verdict.allowed) {
    await recordSignIn(db, { ...base, success: false, reason: "throttled" });
    return { ok: false, message: throttledMessage(verdict.retryAfterSeconds ?? 60) };
  }
  const ok = await passwordMatches(user?.passwordHash, password);
  if (!user || !ok) {
    const reason = !user ? "unknown_user" : user.passwordHash ? "bad_password" : "no_password";
    await recordSignIn(db, { ...base, success: false, reason });
    return { ok: false, message: "Wrong email or password." };
  }
  await recordSignIn(db, { ...base, success: true });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** Whether an account has this email (email links sign in only existing users). */
export async function accountExists(db: Db, email: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true },
  });
  return user !== null;
}

/**
 * Mails a sign-in link to an existing account. For an unknown email nothing is sent, and the
 * caller answers the same either way, so the form does not reveal who has an account.
 */
export async function requestSignInLink(db: Db, identifier: string, url: string): Promise<void> {
  const email = normalizeEmail(identifier);
  if (!(await accountExists(db, email))) {
    console.info(`[auth] sign-in link requested for unknown email ${email}: not sent`);
    return;
  }
  await sendSignInLink(email, url);
}

/** An email-link sign-in, recorded like a password one (the link carries no address). */
export async function recordEmailSignIn(
  db: Db,
  user: { id: string; email: string },
): Promise<void> {
  await recordSignIn(db, {
    email: normalizeEmail(user.email),
    ip: null,
    success: true,
    userId: user.id,
    method: "email",
  });
}
