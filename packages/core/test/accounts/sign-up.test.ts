/**
 * Sign-up writes the user, their organization, the owner's membership and the audit event in one
 * transaction: a failure anywhere leaves none of them behind.
 */
import { describe, expect, it } from "vitest";
import { signUp } from "../../src/accounts/index.js";
import { verifyPassword } from "../../src/passwords.js";
import {
  auditEvents,
  expectAppError,
  failAuditInserts,
  failCommitsTouching,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();

const form = (email: string) => ({
  name: "Barbara",
  email,
  password: "a long enough password",
  organizationName: "Liskov Labs",
});

describe("sign-up", () => {
  it("creates the user and their organization with them as owner, and records it", async () => {
    const origin = { ip: "203.0.113.5", userAgent: "test" };
    const { userId, organizationId } = await signUp(t.db, form(" Liskov@Example.com "), origin);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe("liskov@example.com");
    expect(await verifyPassword("a long enough password", user.passwordHash ?? "")).toBe(true);
    const members = await t.db.membership.findMany({ where: { organizationId } });
    expect(members).toMatchObject([{ userId, role: "owner" }]);
    const [event] = await auditEvents(t.db, organizationId, "organization.created");
    expect(event).toMatchObject({ actorUserId: userId, ip: "203.0.113.5" });
  });

  it("names every bad field by pointer and stores nothing", async () => {
    const error = await expectAppError(
      signUp(t.db, { name: "", email: "nope", password: "short", organizationName: "" }),
      "BAD_REQUEST",
    );
    expect(error.details?.map((d) => d.pointer).sort()).toEqual([
      "/email",
      "/name",
      "/organizationName",
      "/password",
    ]);
    expect(await t.db.user.count({ where: { email: "nope" } })).toBe(0);
  });

  it("tells a second sign-up with the same email that it exists, at /email", async () => {
    await signUp(t.db, form("twice@example.com"));
    const error = await expectAppError(signUp(t.db, form("TWICE@example.com")), "CONFLICT");
    expect(error.details).toMatchObject([{ pointer: "/email" }]);
  });

  it("lets one of two racing sign-ups in and tells the other", async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() => signUp(t.db, form("race@example.com"))),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.user.count({ where: { email: "race@example.com" } })).toBe(1);
  });

  it("leaves no user behind when the organization cannot be committed", async () => {
    const undo = await failCommitsTouching(t.db, "Organization");
    try {
      await expect(signUp(t.db, form("halfway@example.com"))).rejects.toThrow(/commit refused/);
    } finally {
      await undo();
    }
    expect(await t.db.user.count({ where: { email: "halfway@example.com" } })).toBe(0);
  });

  it("leaves no user or organization behind when the audit record fails", async () => {
    const before = await t.db.$unscoped.organization.count();
    const undo = await failAuditInserts(t.db);
    try {
      await expect(signUp(t.db, form("unaudited@example.com"))).rejects.toThrow();
    } finally {
      await undo();
    }
    expect(await t.db.user.count({ where: { email: "unaudited@example.com" } })).toBe(0);
    expect(await t.db.$unscoped.organization.count()).toBe(before);
  });
});
