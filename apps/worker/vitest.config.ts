import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests start real worker (and decision-api) processes over a database of their own, while other
    // packages' tests share the two cores: generous limits keep a loaded machine from failing.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: each starts its own processes, and together they would starve the box.
    fileParallelism: false,
  },
});
