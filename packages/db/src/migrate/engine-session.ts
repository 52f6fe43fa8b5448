// One schema-engine instance over one database, closed (pools ended, shadow databases dropped)
// however the work ends.
import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaContainer } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createMigrationAdapterFactory } from "./pg-adapter.js";
import { loadSchemaEngine, type SchemaEngine } from "./wasm-engine.js";

/** Entities every command considers: the whole schema (no externally managed tables). */
export const NO_FILTER = { externalTables: [], externalEnums: [] };

export class MigrateError extends Error {
  constructor(
    message: string,
    readonly logs: readonly string[],
  ) {
    super(message);
    this.name = "MigrateError";
  }
}

export async function readSchemaFile(path: string): Promise<SchemaContainer> {
  return { path, content: await readFile(path, "utf8") };
}

export async function withSchemaEngine<T>(
  url: string,
  schema: SchemaContainer | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngine();
  const factory = createMigrationAdapterFactory(url);
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      (line: string) => logs.push(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return await work(engine);
  } catch (error) {
    throw new MigrateError(engineErrorMessage(error), logs);
  } finally {
    engine?.free();
    await factory.close();
  }
}

/** The engine rejects with Error objects or with `{ message, error_code }` records. */
function engineErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    const { message, error_code: code } = error as { message: unknown; error_code?: unknown };
    return code ? `${String(code)}: ${String(message)}` : String(message);
  }
  return String(error);
}
