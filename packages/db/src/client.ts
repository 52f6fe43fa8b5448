// The Prisma client, guarded, created on first use. Importing @sekuire/db never connects and
// never reads DATABASE_URL, so `next build` and unit tests can import it without a database.
import { PrismaPg } from "@prisma/adapter-pg";
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
 * `$unscoped` for deliberate cross-organization work (system jobs, sign-in lookups).
 */
export function createDb(options: CreateDbOptions) {
  const adapter = new PrismaPg({
    connectionString: options.url,
    ...(options.maxConnections ? { max: options.maxConnections } : {}),
  });
  const unscoped = new PrismaClient({ adapter });
  return unscoped.$extends(tenantGuard).$extends({ client: { $unscoped: unscoped } });
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
