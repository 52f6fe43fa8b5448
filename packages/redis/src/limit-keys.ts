/**
 * Where the decision API keeps a workspace's counted limits in Redis (the one place that names
 * them: the decision API's Lua scripts write them, the console's dashboard reads them).
 *
 *   calls   hash  minute → decisions counted in that minute      (MaxApiCallsPerHour)
 *   cost    hash  minute → micro-USD reserved/settled that minute (MaxCostPerHour)
 *   leases  zset  decisionId → lease expiry (ms)                  (MaxConcurrentRequests)
 *   held    hash  decisionId → "<reserved micro-USD>:<minute>"     (what /complete settles)
 *
 * One hash tag per workspace, so a Redis Cluster keeps a workspace's keys (and every script
 * touching them) on one shard. The hour is rolling at minute resolution: the last 60 buckets.
 */

export interface LimitKeys {
  calls: string;
  cost: string;
  leases: string;
  held: string;
}

/** Minutes in the rolling window: the current minute and the 59 before it. */
export const LIMIT_WINDOW_MINUTES = 60;

export function limitKeys(workspaceId: string): LimitKeys {
  const tag = `sekuire:limits:{${workspaceId}}`;
  return {
    calls: `${tag}:calls`,
    cost: `${tag}:cost`,
    leases: `${tag}:leases`,
    held: `${tag}:held`,
  };
}

/** The keys in the order the decision API's scripts take them (KEYS[1..4]). */
export function limitKeyList(workspaceId: string): [string, string, string, string] {
  const keys = limitKeys(workspaceId);
  return [keys.calls, keys.cost, keys.leases, keys.held];
}
