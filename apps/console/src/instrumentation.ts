/**
 * Runs once when the console's server starts (Next's instrumentation hook): the environment is
 * read here first, so a bad value stops the console at start with a message naming the variable
 * instead of failing the first request that needs it. Next only logs an error thrown here and
 * serves on, so the process is ended explicitly.
 */
export async function register(): Promise<void> {
  const { consoleEnv } = await import("./server/env");
  try {
    const env = consoleEnv();
    // Spelled out so Next drops the Redis client from the edge build (its documented pattern).
    // biome-ignore lint/style/noProcessEnv: Next replaces this literal at build time
    if (process.env.NEXT_RUNTIME === "nodejs" && env.REDIS_URL) {
      const { announceDecisionChanges } = await import("./server/decision-changes");
      announceDecisionChanges(env.REDIS_URL);
    }
  } catch (error) {
    console.error(`[console] ${error instanceof Error ? error.message : String(error)}`);
    // The edge runtime has no process.exit; the Node server, which serves every page, does.
    if (typeof process !== "undefined" && typeof process.exit === "function") process.exit(1);
    throw error;
  }
}
