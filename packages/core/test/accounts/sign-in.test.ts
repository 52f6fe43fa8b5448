/**
 * Password sign-in and sessions as core serves them to the console's next-auth: every attempt
 * is recorded, wrong and unknown look alike, the throttle refuses, and a closed session is over.
 */
import { describe, expect, it } from "vitest";
import {
  accountSummary,
  changePassword,
  closeOtherSessions,
  closeSession,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  openSession,
  passwordSignIn,
  sessionIsOpen,
  signUp,
} from "../../src/accounts/index.js";
import { auditEvents, useTestDatabase } from "../../src/testing/index.js";

const t = useTestDatabase();
const PASSWORD = "correct horse battery";
const origin = { ip: "198.51.100.20", userAgent: "vitest" };

async function account(email: string) {
  return signUp(t.db, { name: "Ada", email, password: PASSWORD, organizationName: "Engines" });
}

describe("password sign-in", () => {
  it("signs in with the right password and records it in the member's audit trail", async () => {
    const { userId, organizationId } = await account("ada@example.com");
    const result = await passwordSignIn(t.db, {
      email: " ADA@example.com",
      password: PASSWORD,
      ...origin,
    });
    expect(result).toEqual({
      ok: true,
      user: { id: userId, email: "ada@example.com", name: "Ada" },
    });
    const [event] = await auditEvents(t.db, organizationId, "auth.sign_in");
    expect(event).toMatchObject({ ip: origin.ip, userAgent: origin.userAgent });
  });

  it("answers a wrong password and an unknown email alike, recording why", async () => {
    await account("grace@example.com");
    const wrong = await passwordSignIn(t.db, {
      email: "grace@example.com",
      password: "x",
      ...origin,
    });
    const unknown = await passwordSignIn(t.db, {
      email: "nobody@example.com",
      password: "x",
      ...origin,
    });
    expect(wrong).toEqual({ ok: false, message: "Wrong email or password." });
    expect(unknown).toEqual(wrong);
    const reasons = await t.db.$unscoped.signInAttempt.findMany({
      where: { email: { in: ["grace@example.com", "nobody@example.com"] } },
      select: { email: true, reason: true },
    });
    expect(reasons).toEqual(
      expect.arrayContaining([
        { email: "grace@example.com", reason: "bad_password" },
        { email: "nobody@example.com", reason: "unknown_user" },
      ]),
    );
  });

  it("refuses even the right password once the address is throttled", async () => {
    await account("locked@example.com");
    const attempt = (password: string) =>
      passwordSignIn(t.db, { email: "locked@example.com", password, ...origin });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i += 1) await attempt("wrong");
    const refused = await attempt(PASSWORD);
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ message: expect.stringMatching(/Too many failed sign-in/) });
  });
});

describe("sessions", () => {
  it("are open until closed, and a password change closes all but the asking one", async () => {
    const { userId } = await account("linus@example.com");
    const [keep, other] = [
      await openSession(t.db, userId, 3600),
      await openSession(t.db, userId, 3600),
    ];
    expect(await sessionIsOpen(t.db, keep, userId)).toBe(true);
    expect(await sessionIsOpen(t.db, keep, "usr_someone_else")).toBe(false);
    expect(await accountSummary(t.db, userId)).toEqual({ hasPassword: true, openSessions: 2 });

    const changed = await changePassword(
      t.db,
      userId,
      { current: PASSWORD, next: "another long password" },
      keep,
      origin,
    );
    expect(changed).toEqual({ ok: true, closed: 1 });
    expect(await sessionIsOpen(t.db, other, userId)).toBe(false);
    expect(await sessionIsOpen(t.db, keep, userId)).toBe(true);

    await closeSession(t.db, keep);
    expect(await sessionIsOpen(t.db, keep, userId)).toBe(false);
    expect(await closeOtherSessions(t.db, userId, null)).toBe(0);
  });

  it("refuses a password change with the wrong current password, at /current", async () => {
    const { userId } = await account("ken@example.com");
    const result = await changePassword(
      t.db,
      userId,
      { current: "not it", next: "another long password" },
      null,
      origin,
    );
    expect(result).toEqual({
      ok: false,
      message: "Your current password is not right.",
      pointer: "/current",
    });
  });

  it("a session that ran out is not open", async () => {
    const { userId } = await account("dennis@example.com");
    const sid = await openSession(t.db, userId, -1);
    expect(await sessionIsOpen(t.db, sid, userId)).toBe(false);
  });
});
