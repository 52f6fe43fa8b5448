/**
 * Writes check the caller's role inside their own transaction, serialized with removals,
 * demotions and token revocations. Each test really interleaves two transactions: one is held
 * open on a second connection, the other is shown to be waiting on a row lock (pg_stat_activity),
 * and the outcome after the first commits is checked.
 */
import { createDb, type Db, type DbTransaction } from "@sekuire/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeInTx } from "../../src/access/index.js";
import { createAdminToken } from "../../src/admin-tokens/index.js";
import { verifyAdminToken } from "../../src/admin-tokens/verify-admin-token.js";
import { changeRole, removeMember } from "../../src/members/index.js";
import {
  addMember,
  auditEvents,
  createTestOrganization,
  expectAppError,
  useTestDatabase,
} from "../../src/testing/index.js";
import { createWorkspace } from "../../src/workspaces/index.js";

const database = useTestDatabase();
let db: Db;
/** A second client: the "other request", on connections of its own. */
let other: Db;

beforeAll(() => {
  db = database.db;
  other = createDb({ url: database.url, maxConnections: 2 });
});

// Hooks run as a stack: this one before useTestDatabase drops the database.
afterAll(async () => {
  await other?.$disconnect();
});

interface Held {
  /** commits the held transaction and waits for it to end */
  commit(): Promise<void>;
}

/** Runs `work` in a transaction on the other client and keeps it open until `commit()`. */
async function holdOpen(work: (tx: DbTransaction) => Promise<unknown>): Promise<Held> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = () => {};
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  const done = other.$transaction(
    async (tx) => {
      await work(tx);
      started();
      await gate;
    },
    { timeout: 30_000 },
  );
  await Promise.race([ready, done]);
  return {
    async commit() {
      release();
      await done;
    },
  };
}

/** Waits until `count` sessions of this database wait for a lock; fails after 10 s. */
async function waitForLockWaiters(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await db.$unscoped.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) >= count) return;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} session(s) waiting for a lock, saw ${row?.n ?? 0}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Tracks whether a promise has settled, without letting its rejection go unhandled. */
function track<T>(promise: Promise<T>) {
  const state = { settled: false, result: promise };
  promise.then(
    () => {
      state.settled = true;
    },
    () => {
      state.settled = true;
    },
  );
  return state;
}

describe("a write waits for a removal, demotion or revocation in flight, then sees it", () => {
  it("a member removed while their write waits gets NOT_FOUND, and nothing is written", async () => {
    const org = await createTestOrganization(db, "Removal");
    const removal = await holdOpen(
      (tx) =>
        tx.$executeRaw`DELETE FROM "Membership"
        WHERE "organizationId" = ${org.id} AND "userId" = ${org.admin.userId}`,
    );
    const write = track(
      createWorkspace(db, org.admin, { organizationId: org.id, name: "Too late" }),
    );
    await waitForLockWaiters(1);
    expect(write.settled).toBe(false);
    await removal.commit();
    await expectAppError(write.result, "NOT_FOUND");
    expect(await db.workspace.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await auditEvents(db, org.id, "workspace.created")).toEqual([]);
  });

  it("a member demoted while their write waits gets FORBIDDEN", async () => {
    const org = await createTestOrganization(db, "Demotion");
    const demotion = await holdOpen(
      (tx) =>
        tx.$executeRaw`UPDATE "Membership" SET "role" = 'viewer'
        WHERE "organizationId" = ${org.id} AND "userId" = ${org.admin.userId}`,
    );
    const write = track(
      createWorkspace(db, org.admin, { organizationId: org.id, name: "Too late" }),
    );
    await waitForLockWaiters(1);
    expect(write.settled).toBe(false);
    await demotion.commit();
    await expectAppError(write.result, "FORBIDDEN");
    expect(await db.workspace.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("an admin token revoked while its write waits gets UNAUTHORIZED", async () => {
    const org = await createTestOrganization(db, "Revocation");
    const { secret, token } = await createAdminToken(db, org.owner, {
      organizationId: org.id,
      name: "script",
      role: "admin",
    });
    const principal = await verifyAdminToken(db, secret);
    if (!principal) throw new Error("the new token does not verify");
    const revocation = await holdOpen(
      (tx) =>
        tx.$executeRaw`UPDATE "AdminToken" SET "revokedAt" = now()
        WHERE "organizationId" = ${org.id} AND "id" = ${token.id}`,
    );
    const write = track(createWorkspace(db, principal, { organizationId: org.id, name: "Late" }));
    await waitForLockWaiters(1);
    expect(write.settled).toBe(false);
    await revocation.commit();
    await expectAppError(write.result, "UNAUTHORIZED");
    expect(await db.workspace.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("an admin token whose role was lowered acts with its new role", async () => {
    const org = await createTestOrganization(db, "Token role");
    const { secret, token } = await createAdminToken(db, org.owner, {
      organizationId: org.id,
      name: "script",
      role: "admin",
    });
    const principal = await verifyAdminToken(db, secret);
    if (!principal) throw new Error("the new token does not verify");
    await db.adminToken.update({
      where: { id: token.id, organizationId: org.id },
      data: { role: "viewer" },
    });
    await expectAppError(
      createWorkspace(db, principal, { organizationId: org.id, name: "No" }),
      "FORBIDDEN",
    );
  });
});

describe("an admin token's write and its creator's standing (issue 10, item 6)", () => {
  async function adminsToken(org: Awaited<ReturnType<typeof createTestOrganization>>) {
    const { secret, token } = await createAdminToken(db, org.admin, {
      organizationId: org.id,
      name: "script",
      role: "admin",
    });
    const principal = await verifyAdminToken(db, secret);
    if (!principal) throw new Error("the new token does not verify");
    return { principal, token };
  }

  it("a token whose creator is removed while its write waits is refused, and nothing is written", async () => {
    const org = await createTestOrganization(db, "Creator removed");
    const { principal } = await adminsToken(org);
    const removal = await holdOpen(
      (tx) =>
        tx.$executeRaw`DELETE FROM "Membership"
        WHERE "organizationId" = ${org.id} AND "userId" = ${org.admin.userId}`,
    );
    const write = track(createWorkspace(db, principal, { organizationId: org.id, name: "Late" }));
    await waitForLockWaiters(1);
    expect(write.settled).toBe(false);
    await removal.commit();
    const error = await expectAppError(write.result, "FORBIDDEN");
    expect(error.details?.map((d) => d.code)).toEqual(["token_creator_not_member"]);
    expect(await db.workspace.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("removing the creator waits for the token's write in flight, then revokes the token; no deadlock", async () => {
    const org = await createTestOrganization(db, "Write first");
    const { principal, token } = await adminsToken(org);
    const write = await holdOpen((tx) => authorizeInTx(tx, principal, org.id, "admin"));
    const removal = track(
      removeMember(db, org.owner, { organizationId: org.id, userId: org.admin.userId }),
    );
    await waitForLockWaiters(1);
    expect(removal.settled).toBe(false);
    await write.commit();
    await removal.result;
    const [revoked] = await auditEvents(db, org.id, "admin_token.revoked");
    expect(revoked).toMatchObject({ targetId: token.id });
    await expectAppError(
      createWorkspace(db, principal, { organizationId: org.id, name: "After" }),
      "UNAUTHORIZED",
    );
  });
});

describe("a removal waits for the member's write in flight", () => {
  it("the write commits first, then the removal", async () => {
    const org = await createTestOrganization(db, "In flight");
    // The write's insert waits at a gate the test holds, inside the write's transaction.
    await db.$unscoped.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION wait_at_test_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NEW; END $$`);
    await db.$unscoped.$executeRawUnsafe(`
      CREATE TRIGGER wait_at_test_gate BEFORE INSERT ON "Workspace"
      FOR EACH ROW EXECUTE FUNCTION wait_at_test_gate()`);
    try {
      const gate = await holdOpen((tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(4242)`);
      const write = track(
        createWorkspace(db, org.admin, { organizationId: org.id, name: "In time" }),
      );
      await waitForLockWaiters(1); // the write, at the gate, holding the admin's membership
      const removal = track(
        removeMember(other, org.owner, { organizationId: org.id, userId: org.admin.userId }),
      );
      await waitForLockWaiters(2); // and the removal, waiting for that membership
      expect(write.settled).toBe(false);
      expect(removal.settled).toBe(false);
      await gate.commit();
      await write.result;
      await removal.result;
    } finally {
      await db.$unscoped.$executeRawUnsafe(`DROP TRIGGER wait_at_test_gate ON "Workspace"`);
      await db.$unscoped.$executeRawUnsafe("DROP FUNCTION wait_at_test_gate()");
    }
    expect(await db.workspace.count({ where: { organizationId: org.id } })).toBe(1);
    const events = await db.adminAuditEvent.findMany({
      where: { organizationId: org.id, action: { in: ["workspace.created", "member.removed"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["workspace.created", "member.removed"]);
  });
});

describe("members acting on each other at once", () => {
  it("two owners demoting each other: one wins, the other is refused, never a deadlock", async () => {
    for (let round = 0; round < 5; round++) {
      const org = await createTestOrganization(db, `Duel ${round}`);
      const second = await addMember(db, org.id, "owner");
      const third = await addMember(db, org.id, "owner");
      const results = await Promise.allSettled([
        changeRole(db, second, { organizationId: org.id, userId: third.userId, role: "viewer" }),
        changeRole(other, third, { organizationId: org.id, userId: second.userId, role: "viewer" }),
      ]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r) => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      // The loser was demoted first, so it is now a viewer: FORBIDDEN, not a database error.
      await expectAppError(Promise.reject(rejected[0]?.reason), "FORBIDDEN");
    }
  });
});
