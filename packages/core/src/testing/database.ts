import type { Db } from "@sekuire/db";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import { afterAll, beforeAll } from "vitest";

export interface TestDatabaseHandle {
  /** a tenant-guarded client on the file's database */
  readonly db: Db;
  /** its URL, for a second client (another "process" or request) */
  readonly url: string;
}

/** Creates the file's database before its tests and drops it after; read it inside tests. */
export function useTestDatabase(): TestDatabaseHandle {
  let database: MigratedTestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  }, 60_000);
  const ready = (): MigratedTestDatabase => {
    if (!database) throw new Error("the test database is not ready");
    return database;
  };
  return {
    get db() {
      return ready().db;
    },
    get url() {
      return ready().url;
    },
  };
}
