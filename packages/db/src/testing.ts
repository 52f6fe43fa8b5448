// Throw-away databases for integration tests (any package's): `sekuire_test_<random>` on the
// server DATABASE_URL points at, migrated with the same runner as `pnpm db:migrate`, dropped by
// the caller. The database DATABASE_URL names is never touched, so tests cannot disturb a running
// platform or its demo data.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "./client.js";
import { dbEnv } from "./env.js";
import { redactUrl, withDatabase } from "./migrate/database-url.js";
import { dropDatabase } from "./migrate/databases.js";
import { deployMigrations } from "./migrate/index.js";

/** The local development server, when DATABASE_URL is unset. */
export const DEFAULT_TEST_SERVER_URL = "postgresql://sekuire@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database (disconnect your clients first). */
  drop(): Promise<void>;
}

export interface MigratedTestDatabase extends TestDatabase {
  /** A guarded client on the test database; `drop()` disconnects it first. */
  db: Db;
}

/**
 * Reserves a fresh database name after checking that the server answers; the database itself
 * is created by the first migration. Throws (never skips) with the command to run when no
 * PostgreSQL is reachable: a silently skipped data test would pass for a tested one.
 */
export async function reserveTestDatabase(
  serverUrl = dbEnv().DATABASE_URL ?? DEFAULT_TEST_SERVER_URL,
): Promise<TestDatabase> {
  await assertServerAnswers(serverUrl);
  const name = `sekuire_test_${randomBytes(6).toString("hex")}`;
  const url = withDatabase(serverUrl, name);
  return { url, name, drop: () => dropDatabase(url, name) };
}

/** A new test database, migrated, with a client on it. */
export async function createTestDatabase(serverUrl?: string): Promise<MigratedTestDatabase> {
  const reserved = await reserveTestDatabase(serverUrl);
  await deployMigrations({ url: reserved.url });
  const db = createDb({ url: reserved.url, maxConnections: 4 });
  return {
    ...reserved,
    db,
    async drop() {
      await db.$disconnect();
      await reserved.drop();
    },
  };
}

async function assertServerAnswers(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL is not answering at ${redactUrl(url)} (${(error as Error).message}).\n` +
        "Integration tests need a real server: run `bash scripts/services.sh up`, or set " +
        "DATABASE_URL to a server whose role may CREATE DATABASE (the tests create and drop " +
        "their own sekuire_test_* databases; the one the URL names is left alone).",
    );
  } finally {
    await client.end().catch(() => {});
  }
}
