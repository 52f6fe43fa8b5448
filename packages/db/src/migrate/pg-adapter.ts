// The driver adapter the WASM schema engine talks to PostgreSQL through: @prisma/adapter-pg,
// with the three fixes the schema engine needs (TOOLCHAIN.md, "Prisma 7 without the native
// schema engine"):
// - adapter-pg's executeScript splits a script on `;` and runs the pieces on whatever pooled
//   connection is free: `$$` bodies break and a migration stops being atomic. We send the whole
//   script as one simple-protocol query, which PostgreSQL runs as one implicit transaction.
// - adapter-pg cannot decode the `"char"` type (OID 18) that the engine's schema describer reads
//   from pg_catalog (relkind, contype, …); pg returns those values as strings already, so we
//   relabel the column as text before adapter-pg looks at it.
// - its shadow-database teardown drops the database while its own pool is still connected, and
//   never closes the pool it created the database with. Ours closes the pool first and drops
//   WITH (FORCE).
// Each adapter gets a pool of one connection: the engine holds a session-level advisory lock
// (pg_advisory_lock) while it works, and with several connections a later query could wait on
// the lock its own earlier query took.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { quoteIdent, withDatabase } from "./database-url.js";
import { dropDatabase } from "./databases.js";

const CHAR_OID = 18;
const TEXT_OID = 25;

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes every pool this factory opened and drops any shadow database left behind. */
  close(): Promise<void>;
}

export function createMigrationAdapterFactory(url: string): MigrationAdapterFactory {
  const pools = new Set<pg.Pool>();
  const shadows = new Set<string>();

  async function adapterFor(connectionString: string): Promise<{
    adapter: SqlDriverAdapter;
    pool: pg.Pool;
  }> {
    const pool = new pg.Pool({ connectionString, max: 1 });
    pool.on("connect", relabelCharColumns);
    pools.add(pool);
    const adapter = await new PrismaPg(pool).connect();
    adapter.executeScript = (script) => runScript(pool, script);
    return { adapter, pool };
  }

  async function closePool(pool: pg.Pool): Promise<void> {
    if (!pools.delete(pool)) return;
    await pool.end();
  }

  async function dropShadow(name: string): Promise<void> {
    if (!shadows.delete(name)) return;
    await dropDatabase(url, name);
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",

    async connect() {
      const { adapter, pool } = await adapterFor(url);
      adapter.dispose = () => closePool(pool);
      return adapter;
    },

    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } finally {
        await admin.end();
      }
      shadows.add(name);
      const { adapter, pool } = await adapterFor(withDatabase(url, name));
      adapter.dispose = async () => {
        await closePool(pool);
        await dropShadow(name);
      };
      return adapter;
    },

    async close() {
      await Promise.all([...pools].map(closePool));
      for (const name of [...shadows]) await dropShadow(name);
    },
  };
}

/** Runs a whole migration script as one query (one implicit transaction). */
async function runScript(pool: pg.Pool, script: string): Promise<void> {
  try {
    await pool.query(script);
  } catch (error) {
    throw toDriverAdapterError(error);
  }
}

/** Shapes a PostgreSQL error the way adapter-pg does, so the engine reports its message. */
function toDriverAdapterError(error: unknown): unknown {
  const e = error as Partial<pg.DatabaseError>;
  if (typeof e.code !== "string" || typeof e.message !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity ?? "ERROR",
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

/**
 * Wraps a new pooled client's query so `"char"` columns come back labelled as text. pg's Pool
 * calls client.query with a callback, so both the callback and the promise form are covered.
 */
function relabelCharColumns(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const relabelled = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        callback(error, error ? result : relabel(result));
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(relabel) : result;
  };
  client.query = relabelled as typeof client.query;
}

function relabel(result: unknown): unknown {
  for (const field of (result as pg.QueryResult | undefined)?.fields ?? []) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}
