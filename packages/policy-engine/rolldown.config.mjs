/**
 * The published module is one bundled file. A call to an imported function goes through an import
 * cell that V8 (Node 20) loads and checks on every call; inside one module it is a plain call. The
 * decision path makes dozens of such calls, a few percent of a decision's work. tsc still emits the
 * declarations (and the tests run the sources).
 */
import { defineConfig } from "rolldown";

export default defineConfig({
  input: "src/index.ts",
  external: ["ipaddr.js", "jsonc-parser"],
  platform: "neutral",
  output: { file: "dist/index.js", format: "esm", sourcemap: true },
});
