import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each integration file creates and migrates its own database; a cold WASM engine and a
    // shadow database take a few seconds on a small machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
