/**
 * A workspace's live usage against its counted limits, read without changing anything: calls
 * and spend summed over the rolling hour's minute buckets the way the decision API's scripts
 * sum them, and the leases not yet expired. The scripts prune old buckets and expired leases
 * when they next run; this read just ignores them.
 */
import type { Redis } from "ioredis";
import { LIMIT_WINDOW_MINUTES, limitKeys } from "./limit-keys.js";

export interface LimitUsage {
  /** decisions counted in the last 60 minutes (only while MaxApiCallsPerHour is set) */
  calls: number;
  /** micro-USD reserved or settled in the last 60 minutes */
  costMicros: number;
  /** actions holding a concurrency slot now */
  leases: number;
}

function windowSum(buckets: Record<string, string>, oldestMinute: number): number {
  let sum = 0;
  for (const [minute, value] of Object.entries(buckets))
    if (Number(minute) >= oldestMinute) sum += Number(value);
  return sum;
}

export async function readLimitUsage(
  redis: Redis,
  workspaceId: string,
  nowMs: number = Date.now(),
): Promise<LimitUsage> {
  const keys = limitKeys(workspaceId);
  const oldest = Math.floor(nowMs / 60_000) - (LIMIT_WINDOW_MINUTES - 1);
  // A lease counts while its expiry is after now: the scripts drop those at or before it.
  const [calls, cost, leases] = await Promise.all([
    redis.hgetall(keys.calls),
    redis.hgetall(keys.cost),
    redis.zcount(keys.leases, `(${nowMs}`, "+inf"),
  ]);
  return {
    calls: windowSum(calls, oldest),
    costMicros: windowSum(cost, oldest),
    leases,
  };
}
