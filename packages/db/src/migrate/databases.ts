// Creating and dropping whole databases. Both connect to a maintenance database on the same
// server, since a database cannot be created or dropped from a connection to itself.
import pg from "pg";
import { databaseName, quoteIdent, redactUrl, withDatabase } from "./database-url.js";

const MAINTENANCE_DATABASES = ["postgres", "template1"];

/** Runs `fn` on a client connected to a database of the server other than `avoid`. */
async function withMaintenanceClient<T>(
  url: string,
  avoid: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  let lastError: unknown;
  for (const name of MAINTENANCE_DATABASES.filter((n) => n !== avoid)) {
    const client = new pg.Client({ connectionString: withDatabase(url, name) });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      continue;
    }
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
  throw new Error(`cannot reach PostgreSQL at ${redactUrl(url)}: ${describe(lastError)}`);
}

/**
 * Creates the database the URL names when it does not exist. Returns true if it created it.
 * An existing database is used as is, even when the role may not reach any other database
 * (managed hosting often allows only the application's own).
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  const name = databaseName(url);
  return withMaintenanceClient(url, name, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE: that is what we wanted.
      if ((error as { code?: string }).code !== "42P04") throw error;
      return false;
    }
    return true;
  });
}

/** Connects to the database itself: false only when PostgreSQL answers "no such database". */
async function databaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "3D000") return false;
    throw new Error(`cannot reach PostgreSQL at ${redactUrl(url)}: ${describe(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drops a database, disconnecting whoever is still connected (WITH (FORCE), PostgreSQL 13+).
 * Close your own pools first: FORCE ends other sessions, and a pool that loses its connections
 * this way reports errors later.
 */
export async function dropDatabase(url: string, name = databaseName(url)): Promise<void> {
  await withMaintenanceClient(url, name, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

export function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(describe).join("; ");
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
