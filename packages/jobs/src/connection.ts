/**
 * Redis connections for BullMQ. A worker's connection must retry forever
 * (`maxRetriesPerRequest: null`, BullMQ's rule for blocking commands). A producer's gives up on
 * a command after two seconds, so an enqueue while Redis is away fails soon and the sweeper
 * makes up for the job later; it keeps the offline queue, as BullMQ sends its first commands
 * (INFO, script loads) before the connection is up and fails for good when they are refused.
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
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
  });
  redis.on("error", () => undefined);
  return redis;
}
