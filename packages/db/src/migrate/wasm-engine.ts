// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm). The native
// engine is downloaded from Prisma's CDN, which these machines cannot reach; the WASM build ships
// on npm. Node 20 cannot `import` a .wasm file, so we instantiate it ourselves and hand it the
// wasm-bindgen glue module as its imports, which is what the package's own entry does under a
// bundler.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type * as Glue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngineModule = typeof Glue;
export type SchemaEngine = Glue.SchemaEngine;

// The ES2022 lib and @types/node 20 do not declare WebAssembly; this is the part we call.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let loading: Promise<SchemaEngineModule> | undefined;

/** The engine module, instantiated once per process (the glue keeps the instance globally). */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= instantiate();
  return loading;
}

async function instantiate(): Promise<SchemaEngineModule> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue: SchemaEngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
  const imports = { ...glue, ...unrefTimers(glue) };
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * The engine races every advisory-lock wait against a 10 s setTimeout that it never clears (the
 * glue imports no clearTimeout), so a finished `deploy` kept Node alive for 10 s. Unref'd timers
 * still fire while the engine has work in flight, which always holds a socket open.
 */
function unrefTimers(glue: SchemaEngineModule): Record<string, unknown> {
  const replaced: Record<string, unknown> = {};
  for (const name of Object.keys(glue).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    replaced[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return replaced;
}
