/**
 * A workspace's live limit counters for the dashboard, read from the Redis the decision API
 * counts in (@sekuire/redis's readLimitUsage: read-only). REDIS_URL is optional for the console,
 * and Redis may be down: then this says "unavailable" (null), never zeros that look like an idle
 * workspace.
 */
import { connectRedis, type LimitUsage, type Redis, readLimitUsage } from "@sekuire/redis";
import { consoleEnv } from "./env";

let redis: Redis | undefined;

/** Commands fail fast while disconnected (connect.ts), so wait briefly for the first connect. */
function ready(client: Redis, ms: number): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new Error("Redis is not ready"));
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", onReady);
  });
}

export async function liveLimitUsage(workspaceId: string): Promise<LimitUsage | null> {
  const url = consoleEnv().REDIS_URL;
  if (!url) return null;
  redis ??= connectRedis(url, { name: "sekuire-console-usage", connectTimeoutMs: 1000 });
  try {
    await ready(redis, 1000);
    return await readLimitUsage(redis, workspaceId);
  } catch {
    return null;
  }
}
