// The offline migration runner, for scripts and tests that migrate a database themselves
// (the start command, test setups). The CLI in cli.ts wraps the same functions.
export {
  type CheckResult,
  type CreateOptions,
  type CreateResult,
  checkMigrations,
  createMigration,
  type DeployResult,
  deployMigrations,
  type MigrateOptions,
} from "./commands.js";
export { databaseName, redactUrl, withDatabase } from "./database-url.js";
export { dropDatabase, ensureDatabase } from "./databases.js";
export { MigrateError } from "./engine-session.js";
export { defaultPaths, type SchemaPaths } from "./paths.js";
