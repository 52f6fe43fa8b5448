#!/usr/bin/env node
// `node dist/migrate/cli.js deploy|check|create <name>`: the package's migrate scripts and the
// root `pnpm db:migrate` / `pnpm db:check` run this. DATABASE_URL names the database.
import { parseArgs } from "node:util";
import { dbEnv } from "../env.js";
import { checkMigrations, createMigration, deployMigrations } from "./commands.js";
import { redactUrl } from "./database-url.js";
import { describe } from "./databases.js";
import { MigrateError } from "./engine-session.js";

const USAGE = `usage: sekuire-db <command> [--schema <file>] [--migrations <dir>]
  deploy          apply pending migrations to DATABASE_URL (creating the database if missing)
  check           fail when schema.prisma has changes that no migration captures
  create <name>   write a migration for the schema's changes (--empty for hand-written SQL)`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      schema: { type: "string" },
      migrations: { type: "string" },
      empty: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const url = dbEnv().DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Start the services (bash scripts/services.sh up) and export it,\n" +
        "e.g. DATABASE_URL=postgresql://sekuire@127.0.0.1:5432/sekuire",
    );
    return 2;
  }
  const paths = {
    url,
    ...(values.schema ? { schemaPath: values.schema } : {}),
    ...(values.migrations ? { migrationsDir: values.migrations } : {}),
  };

  switch (command) {
    case "deploy": {
      const result = await deployMigrations(paths);
      if (result.createdDatabase) console.log(`created database ${redactUrl(url)}`);
      if (result.applied.length === 0) console.log("no pending migrations");
      for (const name of result.applied) console.log(`applied ${name}`);
      return 0;
    }
    case "check": {
      const result = await checkMigrations(paths);
      if (result.upToDate) {
        console.log("migrations capture the schema: nothing to generate");
        return 0;
      }
      console.error("schema.prisma has changes that no migration captures:\n");
      console.error(result.summary.trim());
      console.error("\ncreate one with: pnpm --filter @sekuire/db migrate:create <name>");
      return 1;
    }
    case "create": {
      const name = rest.join(" ");
      if (!name) {
        console.error("create needs a name, e.g. migrate:create add_agent_labels");
        return 2;
      }
      const result = await createMigration({ ...paths, name, empty: values.empty });
      if (!result.folder) {
        console.log("the schema has no changes that need a migration (pass --empty to write one)");
        return 0;
      }
      console.log(`wrote ${result.folder}/migration.sql; apply it with: pnpm db:migrate`);
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`sekuire-db: ${describe(error)}`);
    if (error instanceof MigrateError && dbEnv().SEKUIRE_MIGRATE_DEBUG) {
      for (const line of error.logs) console.error(line);
    }
    process.exitCode = 1;
  },
);
