/**
 * readLimitUsage against a real Redis: the rolling hour is the current minute and the 59 before
 * (an older bucket the scripts have not pruned yet does not count), a lease counts until its
 * expiry, and a workspace with no keys reads as zero. Nothing is written by the read.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectRedis, limitKeys, readLimitUsage } from "../src/index.js";

const URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = connectRedis(URL, { name: "test-limit-usage", offlineQueue: true });
afterAll(() => redis.disconnect());

const NOW = Date.parse("2026-12-07T12:30:30Z");
const minute = Math.floor(NOW / 60_000);

describe("readLimitUsage", () => {
  it("sums the last 60 minutes and counts live leases", async () => {
    const workspaceId = `ws_${randomUUID().replaceAll("-", "")}`;
    const keys = limitKeys(workspaceId);
    expect(keys.calls).toBe(`sekuire:limits:{${workspaceId}}:calls`);
    await redis.hset(keys.calls, { [minute]: 3, [minute - 59]: 2, [minute - 60]: 100 });
    await redis.hset(keys.cost, { [minute - 10]: 250_000, [minute - 61]: 9_000_000 });
    await redis.zadd(keys.leases, NOW + 1000, "dec_live", NOW, "dec_just_expired", NOW - 5, "old");
    expect(await readLimitUsage(redis, workspaceId, NOW)).toEqual({
      calls: 5,
      costMicros: 250_000,
      leases: 1,
    });
    // The read pruned nothing: that is the decision API's scripts' job.
    expect(await redis.hlen(keys.calls)).toBe(3);
    await redis.del(keys.calls, keys.cost, keys.leases);
  });

  it("reads an untouched workspace as zero", async () => {
    expect(await readLimitUsage(redis, "ws_none", NOW)).toEqual({
      calls: 0,
      costMicros: 0,
      leases: 0,
    });
  });
});
