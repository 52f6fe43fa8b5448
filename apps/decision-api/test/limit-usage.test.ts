/**
 * The decision API's limit scripts and @sekuire/redis's readLimitUsage share one key layout
 * (limit-keys.ts): what `admit` counts is what the console's dashboard reads, on a real Redis.
 */
import { randomUUID } from "node:crypto";
import { connectRedis, readLimitUsage } from "@sekuire/redis";
import { afterAll, describe, expect, it } from "vitest";
import { LimitCounters } from "../src/limits/counters.js";

const URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = connectRedis(URL, { name: "test-limit-usage", offlineQueue: true });
afterAll(() => redis.disconnect());

describe("admitted decisions as the dashboard reads them", () => {
  it("counts calls, reserved spend and held slots", async () => {
    const counters = new LimitCounters(redis);
    const workspaceId = `ws_${randomUUID().replaceAll("-", "")}`;
    const now = Date.now();
    const outcome = {
      decision: "Allow" as const,
      limits: { MaxApiCallsPerHour: 10, MaxConcurrentRequests: 5, MaxCostPerHour: 5_000_000 },
      declared: { costMicros: 200_000 },
    };
    for (const id of ["dec_1", "dec_2", "dec_3"])
      expect((await counters.admit(workspaceId, id, outcome, now)).admitted).toBe(true);
    expect(await counters.complete(workspaceId, "dec_1", 100_000, now)).toBe(true);
    expect(await readLimitUsage(redis, workspaceId, now)).toEqual({
      calls: 3,
      costMicros: 500_000,
      leases: 2,
    });
  });
});
