// Where the schema and migrations live: the repository's /prisma folder. This file sits at the
// same depth in src/migrate and dist/migrate, so one relative path serves both.
import { fileURLToPath } from "node:url";

const prismaDir = fileURLToPath(new URL("../../../../prisma/", import.meta.url));

export interface SchemaPaths {
  /** The Prisma schema file. */
  schemaPath: string;
  /** The folder of `<timestamp>_<name>/migration.sql` folders. */
  migrationsDir: string;
}

export const defaultPaths: SchemaPaths = {
  schemaPath: `${prismaDir}schema.prisma`,
  migrationsDir: `${prismaDir}migrations`,
};
