/**
 * A person's own password. A change (or "sign out everywhere else") ends every other session at
 * once, so a stolen cookie or an old device loses access the moment its owner acts.
 */
import type { Db } from "@sekuire/db";
import { hashPassword, verifyPassword } from "../passwords.js";
import { closeOtherSessions } from "./sessions.js";
import { recordSignIn, recordUserEvent } from "./sign-in-records.js";
import { checkThrottle, throttledMessage } from "./throttle.js";

export const MIN_PASSWORD_LENGTH = 10;

/** Where a person's request came from, as the server saw it. */
export interface ClientOrigin {
  ip: string | null;
  userAgent: string | null;
}

export type ChangePasswordResult =
  | { ok: true; closed: number }
  | { ok: false; message: string; pointer: string };

/**
 * Sets a new password. A user who has one must give it (checked under the sign-in throttle, and
 * a wrong one counts as a failed sign-in); a user who only ever used email links sets a first one.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: { current: string; next: string },
  keepSid: string | null,
  origin: ClientOrigin,
): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  if (!user) return { ok: false, message: "Your account no longer exists.", pointer: "/current" };
  if (input.next.length < MIN_PASSWORD_LENGTH)
    return {
      ok: false,
      message: `Use at least ${MIN_PASSWORD_LENGTH} characters for your new password.`,
      pointer: "/next",
    };
  if (user.passwordHash) {
    const verdict = await checkThrottle(db, user.email, origin.ip);
    if (!verdict.allowed)
      return {
        ok: false,
        message: throttledMessage(verdict.retryAfterSeconds ?? 60),
        pointer: "/current",
      };
    if (!(await verifyPassword(input.current, user.passwordHash))) {
      await recordSignIn(db, {
        email: user.email,
        ...origin,
        success: false,
        reason: "bad_password",
        userId,
        method: "password",
      });
      return { ok: false, message: "Your current password is not right.", pointer: "/current" };
    }
  }
  const passwordHash = await hashPassword(input.next);
  // The new password and the end of the other sessions commit together.
  const closed = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await recordUserEvent(tx, {
      userId,
      email: user.email,
      action: user.passwordHash ? "auth.password_changed" : "auth.password_set",
      details: {},
      ...origin,
    });
    return closeOtherSessions(tx, userId, keepSid);
  });
  return { ok: true, closed };
}

/** What the account page shows: whether a password is set, and how many sessions are open. */
export async function accountSummary(
  db: Db,
  userId: string,
): Promise<{ hasPassword: boolean; openSessions: number }> {
  const [user, openSessions] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
    db.session.count({ where: { userId, expires: { gt: new Date() } } }),
  ]);
  return { hasPassword: Boolean(user?.passwordHash), openSessions };
}
