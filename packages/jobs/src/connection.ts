/**
 * Redis connections for BullMQ. A worker's connection must retry forever
 * (`maxRetriesPerRequest: null`, BullMQ's rule for blocking commands); a producer's fails fast
 * (no offline queue), so a request that enqueues while Redis is away learns it at once and
 * the sweeper makes up for the job later.
 */
import { Redis } from "ioredis";

export function workerConnection(url: string, name: string): Redis {
  const redis = new Redis(url, { connectionName: name, maxRetriesPerRequest: null });
  redis.on("error", () => undefined); // reconnects by itself; BullMQ reports what fails
  return redis;
}

export function producerConnection(url: string, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
  });
  redis.on("error", () => undefined);
  return redis;
}
