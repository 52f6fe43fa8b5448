/**
 * @sekuire/db's environment. Read when the client is first needed, not at import: `next build`
 * and tests import the package without a database, and tests point DATABASE_URL elsewhere.
 */
import { parseEnv } from "@sekuire/env";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, "must be a postgresql:// URL")
    .optional(),
  /** print the schema engine's log lines when a migration fails */
  SEKUIRE_MIGRATE_DEBUG: z.string().optional(),
});

export function dbEnv(): z.output<typeof schema> {
  return parseEnv("@sekuire/db", schema);
}
