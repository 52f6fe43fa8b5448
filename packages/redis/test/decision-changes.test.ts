/**
 * The change fan-out against a real Redis: what the announcer publishes reaches a subscriber,
 * and a subscriber whose connection dropped asks for a resync when it is back.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  connectAnnouncer,
  connectRedis,
  redisAnnouncer,
  subscribeDecisionChanges,
} from "../src/index.js";

const URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const publisher = connectAnnouncer(URL, "test-publisher");
afterAll(() => publisher.disconnect());

async function until(check: () => boolean, ms = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("decision changes over Redis", () => {
  it("delivers organizations changed and approvals decided", async () => {
    const changed: string[] = [];
    const decided: string[] = [];
    const subscription = subscribeDecisionChanges(URL, {
      onChange: (id) => changed.push(id),
      onResync: () => undefined,
      onApprovalDecided: (id) => decided.push(id),
    });
    await subscription.ready;
    const announcer = redisAnnouncer(publisher);
    const org = `org_${Math.random().toString(16).slice(2)}`;
    announcer.announce(org);
    announcer.approvalDecided("apr_1");
    await until(() => changed.includes(org) && decided.includes("apr_1"));
    await subscription.close();
  });

  it("asks for a resync after its connection comes back", async () => {
    let resyncs = 0;
    const name = `test-sub-${Math.random().toString(16).slice(2)}`;
    const subscription = subscribeDecisionChanges(
      URL,
      { onChange: () => undefined, onResync: () => resyncs++ },
      name,
    );
    await subscription.ready;
    expect(resyncs).toBe(0);
    // Drop the subscriber's connection from the server side, as a Redis restart would.
    const clients = String(await publisher.call("CLIENT", "LIST"));
    const line = clients.split("\n").find((l) => l.includes(` name=${name} `));
    const id = /\bid=(\d+)/.exec(line ?? "")?.[1];
    expect(id).toBeDefined();
    await publisher.call("CLIENT", "KILL", "ID", id as string);
    await until(() => resyncs >= 1, 5000);
    await subscription.close();
  });

  it("never throws from the announcer, even with Redis unreachable", () => {
    const dead = connectRedis("redis://127.0.0.1:1", { name: "dead", connectTimeoutMs: 100 });
    const announcer = redisAnnouncer(dead);
    expect(() => announcer.announce("org_x")).not.toThrow();
    dead.disconnect();
  });
});
