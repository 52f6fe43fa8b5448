// The Prisma client, guarded, created on first use. Importing @sekuire/db never connects and
// never reads DATABASE_URL, so `next build` and unit tests can import it without a database.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { dbEnv } from "./env.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { tenantGuard } from "./tenant-guard.js";

export interface CreateDbOptions {
  /** A postgres URL. */
  url: string;
  /** pg pool size (default 10, pg's own default). */
  maxConnections?: number;
}

/**
 * A new client over its own connection pool: tenant-guarded, with the unguarded client at
 * `$unscoped` for deliberate cross-organization work (system jobs, sign-in lookups), and the
 * pool itself at `$sql` for the few hot paths where Prisma's per-transaction overhead (about
 * 10 ms an interactive transaction, measured by the decision API's bench) is the bottleneck.
 * `$disconnect` ends the pool.
 */
export function createDb(options: CreateDbOptions) {
  const pool = new pg.Pool({
    connectionString: options.url,
    ...(options.maxConnections ? { max: options.maxConnections } : {}),
  });
  // An idle connection that the server ends (a restart, a dropped test database) is removed
  // by the pool; without a listener its error would crash the process.
  pool.on("error", () => undefined);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const unscoped = new PrismaClient({ adapter });
  return unscoped
    .$extends(tenantGuard)
    .$extends({ client: { $unscoped: unscoped, $sql: pool as SqlPool } });
}

/** Raw SQL over a pg pool: unguarded, so only for code that scopes itself. */
export type SqlPool = pg.Pool;
/** A connection checked out of a SqlPool (`release()` it, `release(true)` if it broke). */
export type SqlClient = pg.PoolClient;

export interface SqlPoolOptions extends CreateDbOptions {
  /**
   * pg's pipeline mode: queries issued together go out together instead of one round trip
   * each. For a pool of its own (the decision log's); Prisma's pool stays in the default mode.
   */
  pipeline?: boolean;
}

/** A pg pool that no Prisma client shares. */
export function createSqlPool(options: SqlPoolOptions): SqlPool {
  const pool = new pg.Pool({
    connectionString: options.url,
    ...(options.maxConnections ? { max: options.maxConnections } : {}),
    ...(options.pipeline ? { pipeline: true } : {}),
  });
  pool.on("error", () => undefined); // as in createDb: the pool drops the broken connection
  return pool;
}

export type Db = ReturnType<typeof createDb>;
export type UnscopedDb = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Kept on globalThis so a dev server's hot reload reuses the pool instead of opening another.
const holder = globalThis as typeof globalThis & { __sekuireDb?: Db };

/** The process's shared client, created from DATABASE_URL on first call. */
export function getDb(): Db {
  if (!holder.__sekuireDb) {
    const url = dbEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: @sekuire/db has no database to connect to");
    holder.__sekuireDb = createDb({ url });
  }
  return holder.__sekuireDb;
}

/** Closes the shared client's pool (graceful shutdown, end of tests). */
export async function disconnectDb(): Promise<void> {
  const current = holder.__sekuireDb;
  holder.__sekuireDb = undefined;
  await current?.$disconnect();
}

/**
 * The shared client, created on first property access: `db.workspace.findMany(…)`. Methods are
 * bound to the real client, so `const { $transaction } = db` works too.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(getDb(), property);
  },
});
