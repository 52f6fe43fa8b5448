/**
 * The sign-in throttle against a real database (accounts/throttle.ts): refusals never extend
 * a lock, the owner elsewhere is never locked out, and every attempt whose address is unknown
 * shares one bucket, so spraying without an address is still slowed.
 */
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkThrottle,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
} from "../../src/accounts/index.js";

let database: MigratedTestDatabase;
const T0 = Date.parse("2026-12-01T10:00:00Z");
const seconds = (n: number) => n * 1000;

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

async function attempts(
  n: number,
  row: { email: string; ip: string | null; reason?: string },
  at: number,
): Promise<void> {
  await database.db.$unscoped.signInAttempt.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      email: row.email,
      ip: row.ip,
      success: false,
      reason: row.reason ?? "bad_password",
      // one millisecond apart, the last one at `at`
      createdAt: new Date(at - (n - 1 - i)),
    })),
  });
}

describe("the sign-in throttle", () => {
  it("locks an account on one address and lets its owner in from another", async () => {
    const email = "locked@example.com";
    await attempts(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, { email, ip: "203.0.113.1" }, T0);
    const there = await checkThrottle(database.db, email, "203.0.113.1", T0 + seconds(1));
    expect(there.allowed).toBe(false);
    expect(there.retryAfterSeconds).toBe(29);
    expect((await checkThrottle(database.db, email, "198.51.100.7", T0 + seconds(1))).allowed).toBe(
      true,
    );
  });

  it("does not extend a lock however often the shut door is tried", async () => {
    const email = "hammered@example.com";
    const ip = "203.0.113.2";
    await attempts(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, { email, ip }, T0);
    // Two hundred refused attempts over the next 25 seconds, recorded as the console does.
    await attempts(200, { email, ip, reason: "throttled" }, T0 + seconds(25));
    const during = await checkThrottle(database.db, email, ip, T0 + seconds(25));
    expect(during).toEqual({ allowed: false, retryAfterSeconds: 5 });
    // The lock runs out 30 s after the last real failure, as if nobody had knocked.
    expect((await checkThrottle(database.db, email, ip, T0 + seconds(31))).allowed).toBe(true);
  });

  it("slows spraying from one address across many accounts", async () => {
    const ip = "203.0.113.3";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      await attempts(1, { email: `victim${i}@example.com`, ip }, T0 + i);
    const next = await checkThrottle(database.db, "another@example.com", ip, T0 + seconds(1));
    expect(next.allowed).toBe(false);
    expect((await checkThrottle(database.db, "another@example.com", "192.0.2.9", T0)).allowed).toBe(
      true,
    );
  });

  it("puts every attempt without an address in one shared bucket", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++)
      await attempts(1, { email: `nullsprayed${i}@example.com`, ip: null }, T0 + i);
    const unknown = await checkThrottle(database.db, "fresh@example.com", null, T0 + seconds(1));
    expect(unknown.allowed).toBe(false);
    // A request whose address is known is not in that bucket.
    expect((await checkThrottle(database.db, "fresh@example.com", "192.0.2.10", T0)).allowed).toBe(
      true,
    );
  });
});
