/**
 * The process's database handle, for apps. Apps (the console, the decision API, the worker)
 * never import @sekuire/db: they take this handle and give it back to core's services and the
 * API's handler, which do every read and write (a lint rule and test/boundaries keep it so).
 */
import { createSqlPool, type Db, db, dbEnv, disconnectDb, type SqlPool } from "@sekuire/db";

export type { Db, SqlPool } from "@sekuire/db";

/** The shared, lazily connected client of this process (DATABASE_URL). */
export const platformDb: Db = db;

export { disconnectDb };

/**
 * The decision log's own pool (DATABASE_URL), in pipeline mode: its group commits need few
 * connections and no Prisma. End it after the log's last flush.
 */
export function createDecisionLogPool(maxConnections = 4): SqlPool {
  const url = dbEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the decision log has no database");
  return createSqlPool({ url, maxConnections, pipeline: true });
}

/**
 * The client next-auth's Prisma adapter stores magic-link tokens and users through. It is the
 * unscoped client (users belong to no one organization), reached only when called, so importing
 * the console's auth options (next build) needs no DATABASE_URL.
 */
export function authAdapterClient(): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        const client = db.$unscoped;
        const value = Reflect.get(client, property, client);
        return typeof value === "function" ? value.bind(client) : value;
      },
    },
  );
}

/** Whether Postgres answers a trivial query (readiness probes). */
export async function databaseReady(client: Db = db): Promise<boolean> {
  try {
    await client.$unscoped.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
