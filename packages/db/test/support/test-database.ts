// Vitest wiring for the throw-away databases of src/testing.ts. Tests await the getters, so
// when PostgreSQL is down every test fails with the reason (a failing beforeAll would only mark
// them skipped, and a skipped data layer must not pass for a tested one).
import { afterAll } from "vitest";
import type { Db } from "../../src/client.js";
import { createTestDatabase, reserveTestDatabase, type TestDatabase } from "../../src/testing.js";

export type { TestDatabase };

/** A database name reserved for this file (not created: the first migration creates it). */
export function useTestDatabase(): () => Promise<TestDatabase> {
  const reserved = reserveTestDatabase();
  reserved.catch(() => {}); // reported by each test that awaits it
  afterAll(async () => {
    await (await reserved.catch(() => undefined))?.drop();
  });
  return () => reserved;
}

/** A migrated database for this file and a client on it, dropped after the file's tests. */
export function useMigratedDb(): () => Promise<Db> {
  const ready = createTestDatabase();
  ready.catch(() => {});
  afterAll(async () => {
    await (await ready.catch(() => undefined))?.drop();
  });
  return async () => (await ready).db;
}
