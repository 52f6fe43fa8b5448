import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  checkMigrations,
  createMigration,
  defaultPaths,
  deployMigrations,
} from "../src/migrate/index.js";
import { type TestDatabase, useTestDatabase } from "./support/test-database.js";

const cli = fileURLToPath(new URL("../dist/migrate/cli.js", import.meta.url));

const testDatabase = useTestDatabase();
const scratchDir = mkdtemp(join(tmpdir(), "sekuire-db-test-"));
let database: TestDatabase;
let scratch: string;

beforeEach(async () => {
  database = await testDatabase();
  scratch = await scratchDir;
});

afterAll(async () => {
  await rm(await scratchDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The schema with one more column on Agent: a change no committed migration captures. */
async function changedSchema(): Promise<string> {
  const schema = await readFile(defaultPaths.schemaPath, "utf8");
  const changed = schema.replace(/(model Agent \{\n)/, "$1  labels String[]\n");
  expect(changed).not.toBe(schema);
  const path = join(scratch, "changed.prisma");
  await writeFile(path, changed);
  return path;
}

describe("migrations", () => {
  it("apply to a database that does not exist yet, creating it", async () => {
    const committed = (await readdir(defaultPaths.migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const result = await deployMigrations({ url: database.url });
    expect(result.createdDatabase).toBe(true);
    expect(result.applied).toEqual(committed);
    const tables = await query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["Organization", "Workspace", "ApiKey", "DecisionLog"]),
    );
  });

  it("applying them again is a no-op", async () => {
    const before = await query("SELECT * FROM _prisma_migrations ORDER BY migration_name");
    const result = await deployMigrations({ url: database.url });
    expect(result).toEqual({ createdDatabase: false, applied: [] });
    expect(await query("SELECT * FROM _prisma_migrations ORDER BY migration_name")).toEqual(before);
  });

  it("record each migration in _prisma_migrations as prisma migrate deploy does", async () => {
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>("SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const script = await readFile(
        join(defaultPaths.migrationsDir, row.migration_name, "migration.sql"),
      );
      expect(row.migration_name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      // Prisma's checksum is the SHA-256 of the script: edits to applied migrations show up.
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("capture the committed schema: db:check passes", async () => {
    expect(await checkMigrations({ url: database.url })).toEqual({ upToDate: true, summary: "" });
  });

  it("do not capture an uncommitted schema change: db:check fails and names it", async () => {
    const result = await checkMigrations({ url: database.url, schemaPath: await changedSchema() });
    expect(result.upToDate).toBe(false);
    expect(result.summary).toContain("Agent");
    expect(result.summary).toContain("labels");
  });

  it("the check command exits non-zero on an uncaptured change and zero otherwise", async () => {
    const env = { ...process.env, DATABASE_URL: database.url };
    const failing = spawnSync("node", [cli, "check", "--schema", await changedSchema()], {
      env,
      encoding: "utf8",
    });
    expect(failing.status, failing.stderr).toBe(1);
    expect(failing.stderr).toContain("labels");
    const passing = spawnSync("node", [cli, "check"], { env, encoding: "utf8" });
    expect(passing.status, passing.stderr).toBe(0);
  });

  it("migrate:create writes the missing migration, after which the check passes", async () => {
    const migrationsDir = join(scratch, "migrations");
    await cp(defaultPaths.migrationsDir, migrationsDir, { recursive: true });
    const schemaPath = await changedSchema();
    const created = await createMigration({
      url: database.url,
      name: "Add agent labels",
      schemaPath,
      migrationsDir,
      now: new Date("2099-01-02T03:04:05Z"),
    });
    expect(created.migrationName).toBe("20990102030405_add_agent_labels");
    expect(created.script).toContain('ALTER TABLE "Agent" ADD COLUMN');
    const check = await checkMigrations({ url: database.url, schemaPath, migrationsDir });
    expect(check.upToDate).toBe(true);
    const again = await createMigration({
      url: database.url,
      name: "x",
      schemaPath,
      migrationsDir,
    });
    expect(again.folder).toBeNull();
  });
});
