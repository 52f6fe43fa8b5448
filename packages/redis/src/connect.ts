/**
 * Redis connections for the request path: a command fails at once while the connection is down
 * (no offline queue, one try), so a caller that needs Redis can answer Deny `Unavailable` now
 * instead of hanging; the client keeps reconnecting in the background and recovers by itself.
 */
import { Redis } from "ioredis";

export type { Redis } from "ioredis";

export interface ConnectOptions {
  /** shown in CLIENT LIST, to tell the processes apart */
  name: string;
  /** milliseconds to wait for a connection before a command fails (default 2000) */
  connectTimeoutMs?: number;
  /** queue commands while disconnected (subscribers only: they must not fail fast) */
  offlineQueue?: boolean;
}

export function connectRedis(url: string, options: ConnectOptions): Redis {
  const redis = new Redis(url, {
    connectionName: options.name,
    enableOfflineQueue: options.offlineQueue ?? false,
    maxRetriesPerRequest: 0,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    // Back off up to a second between tries, forever: Redis coming back is noticed within it.
    retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
    lazyConnect: false,
    // Commands issued in one tick go out in one write: at a few thousand decisions a second,
    // a syscall per limit check was a fifth of the decision API's CPU (its bench profile).
    enableAutoPipelining: true,
  });
  // ioredis reports every failed try as an error event; an unhandled one would end the process.
  redis.on("error", () => undefined);
  return redis;
}
