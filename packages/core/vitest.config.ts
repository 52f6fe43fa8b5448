import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file creates and migrates its own Postgres database, while other packages' tests
    // share the two cores: generous limits keep a loaded machine from failing a correct test.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
