/**
 * Two demo seeds at once, as two `pnpm db:seed` processes would run them (a client each, with
 * the script's pool of two connections, and one state file): they take turns, so there is one
 * demo organization with one owner and three workspaces, and the second run keeps what the
 * first made.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "@sekuire/db";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyApiKey } from "../../src/agents/index.js";
import {
  DEMO_EMAIL,
  DEMO_ORGANIZATION_NAME,
  type SeedDemoResult,
  seedDemo,
} from "../../src/demo/index.js";

let dir: string;
const databases: MigratedTestDatabase[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sekuire-demo-race-"));
});
afterAll(async () => {
  for (const database of databases) await database.drop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

/** Runs two seeds at once against a fresh database, each through its own client. */
async function seedTwiceAtOnce(prepare?: (db: Db) => Promise<void>) {
  const database = await createTestDatabase();
  databases.push(database);
  await prepare?.(database.db);
  const stateFile = join(dir, database.name, "demo.json");
  const options = {
    stateFile,
    consoleUrl: "http://localhost:3000",
    decisionApiUrl: "http://localhost:4000",
    workerUrl: "http://localhost:4100",
  };
  const clients = [1, 2].map(() => createDb({ url: database.url, maxConnections: 2 }));
  try {
    const results = await Promise.all(clients.map((client) => seedDemo(client, options)));
    return { db: database.db, results };
  } finally {
    await Promise.all(clients.map((client) => client.$disconnect()));
  }
}

async function expectOneDemo(db: Db, results: SeedDemoResult[]) {
  const organizations = await db.organization.findMany({
    where: { name: DEMO_ORGANIZATION_NAME },
    select: { id: true },
  });
  expect(organizations).toHaveLength(1);
  const organizationId = organizations[0]?.id ?? "";
  expect(results.map((r) => r.organization.id)).toEqual([organizationId, organizationId]);
  expect(results.map((r) => r.organization.status).sort()).toEqual(["created", "kept"]);
  const owners = await db.membership.findMany({
    where: { organizationId, role: "owner" },
    include: { user: { select: { email: true } } },
  });
  expect(owners.map((m) => m.user.email)).toEqual([DEMO_EMAIL]);
  expect(await db.user.count({ where: { email: DEMO_EMAIL } })).toBe(1);
  const workspaces = await db.workspace.findMany({
    where: { organizationId },
    select: { slug: true },
  });
  expect(workspaces.map((w) => w.slug).sort()).toEqual(["development", "healthcare", "production"]);
  expect(await db.agent.count({ where: { organizationId } })).toBe(3);
  expect(await db.policy.count({ where: { organizationId } })).toBe(3);
  expect(await db.policyVersion.count({ where: { organizationId } })).toBe(3);
  expect(await db.policyAssignment.count({ where: { organizationId } })).toBe(3);
  return organizationId;
}

describe("two demo seeds at once", () => {
  it("on an empty database: one organization, one owner, three workspaces", async () => {
    const { db, results } = await seedTwiceAtOnce();
    const organizationId = await expectOneDemo(db, results);
    // The second run found the first run's state file good, so the printed secrets still work.
    const created = results.find((r) => r.credentials.status === "created")?.credentials;
    const kept = results.find((r) => r.credentials.status !== "created")?.credentials;
    expect(kept).toEqual({ status: "kept" });
    if (created?.status !== "created") throw new Error("no run created credentials");
    for (const secret of Object.values(created.state.apiKeys)) {
      expect(await verifyApiKey(db, secret)).toMatchObject({ valid: true, organizationId });
    }
  });

  it("when the owner exists but the organization does not (the race that duplicated it)", async () => {
    const { db, results } = await seedTwiceAtOnce(async (db) => {
      await db.user.create({ data: { email: DEMO_EMAIL, name: "Demo Admin" } });
    });
    await expectOneDemo(db, results);
  });
});
