import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Property tests run thousands of cases; under CI, other packages' tests share the two cores.
    testTimeout: 60_000,
  },
});
