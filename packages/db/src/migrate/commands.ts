// The three things developers and CI do with migrations, on the WASM schema engine:
// apply them (what `prisma migrate deploy` does), check that they capture the schema, and create
// a new one from the schema's changes (the file-writing half of `prisma migrate dev`).
import { ensureDatabase } from "./databases.js";
import { NO_FILTER, readSchemaFile, withSchemaEngine } from "./engine-session.js";
import { readMigrations, slugifyMigrationName, writeMigration } from "./migrations-dir.js";
import { defaultPaths, type SchemaPaths } from "./paths.js";

export interface MigrateOptions extends Partial<SchemaPaths> {
  /** A postgres URL naming the database to work on. */
  url: string;
}

export interface DeployResult {
  createdDatabase: boolean;
  applied: string[];
}

/**
 * Applies every pending migration, creating the database first when it is missing. Writes the
 * standard `_prisma_migrations` table, so `prisma migrate deploy` can take over where the native
 * engine is available. Refuses (like Prisma) when an earlier migration failed.
 */
export async function deployMigrations(options: MigrateOptions): Promise<DeployResult> {
  const { migrationsDir } = { ...defaultPaths, ...options };
  const createdDatabase = await ensureDatabase(options.url);
  const migrationsList = await readMigrations(migrationsDir);
  const { appliedMigrationNames } = await withSchemaEngine(options.url, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return { createdDatabase, applied: appliedMigrationNames };
}

export interface CheckResult {
  /** True when replaying the migrations yields exactly the schema. */
  upToDate: boolean;
  /** What a new migration would have to do, in the engine's words; empty when up to date. */
  summary: string;
}

/**
 * Replays the migrations on a shadow database and diffs the result against the schema. The
 * database in `url` is only used to reach the server (it is created if missing); the role needs
 * CREATEDB for the shadow database.
 */
export async function checkMigrations(options: MigrateOptions): Promise<CheckResult> {
  const { schemaPath, migrationsDir } = { ...defaultPaths, ...options };
  const diff = await diffMigrationsToSchema(options.url, schemaPath, migrationsDir, false);
  return { upToDate: !diff.changed, summary: diff.changed ? diff.output : "" };
}

/**
 * Replays the migrations on a shadow database and diffs the result against the schema, as a
 * human summary or as an SQL script.
 */
async function diffMigrationsToSchema(
  url: string,
  schemaPath: string,
  migrationsDir: string,
  script: boolean,
): Promise<{ changed: boolean; output: string }> {
  await ensureDatabase(url);
  const [schema, migrationsList] = await Promise.all([
    readSchemaFile(schemaPath),
    readMigrations(migrationsDir),
  ]);
  const result = await withSchemaEngine(url, schema, (engine) =>
    engine.diff({
      // With no migrations yet there is no lock file, which the "migrations" source requires.
      from:
        migrationsList.migrationDirectories.length > 0
          ? { tag: "migrations", ...migrationsList }
          : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [schema] },
      script,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  // With exitCode set, the engine answers 2 when the diff is not empty (`migrate diff --exit-code`).
  return { changed: result.exitCode === 2, output: result.stdout ?? "" };
}

export interface CreateOptions extends MigrateOptions {
  /** A short description; becomes `<timestamp>_<slug>`. */
  name: string;
  /** Write a migration even when the schema has no changes (for hand-written SQL). */
  empty?: boolean;
  /** The clock for the folder's timestamp (tests pass one). */
  now?: Date;
}

export interface CreateResult {
  /** The folder written, or null when the schema had no changes to capture. */
  folder: string | null;
  migrationName: string | null;
  script: string | null;
}

/**
 * Writes a migration for what the schema adds to the migrations. The WASM engine's own
 * createMigration cannot use an adapter's shadow database for PostgreSQL (it refuses with
 * "shadow DB must be provided through an external factory"), but its diff can: we diff the
 * migrations (replayed on a shadow database) against the schema, as a script, and write the
 * folder the way `prisma migrate dev --create-only` does.
 */
export async function createMigration(options: CreateOptions): Promise<CreateResult> {
  const { schemaPath, migrationsDir } = { ...defaultPaths, ...options };
  const slug = slugifyMigrationName(options.name);
  const diff = await diffMigrationsToSchema(options.url, schemaPath, migrationsDir, true);
  if (!diff.changed && !options.empty) return { folder: null, migrationName: null, script: null };
  const script = diff.changed ? diff.output : "-- This is an empty migration.\n";
  const migrationName = `${migrationTimestamp(options.now ?? new Date())}_${slug}`;
  const folder = await writeMigration(migrationsDir, migrationName, script);
  return { folder, migrationName, script };
}

/** `YYYYMMDDHHMMSS` in UTC, the prefix Prisma gives migration folders. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
