/**
 * The worker's faults: killed with requests pending and started again (each still expires on
 * time: the delayed jobs wait in Redis); Redis flushed (the sweeper rebuilds what matters from
 * Postgres); SMTP down (mail is retried when it is back, and requests stay decidable).
 */
import { decideApproval } from "@sekuire/core/approvals";
import { startSmtpSink } from "@sekuire/email/testing";
import { freePort, PrivateRedis } from "@sekuire/redis/testing";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "./support/processes.js";
import { askApproval, useWorld } from "./support/world.js";

const w = useWorld();

async function expiryLag(organizationId: string, id: string): Promise<number> {
  const event = await w.t.db.adminAuditEvent.findFirstOrThrow({
    where: { organizationId, action: "approval.expired", targetId: id },
  });
  const row = await w.t.db.approvalRequest.findFirstOrThrow({ where: { organizationId, id } });
  expect(row.status).toBe("expired");
  return event.createdAt.getTime() - row.expiresAt.getTime();
}

const expiredAll = (organizationId: string, ids: string[]) =>
  eventually(async () => {
    const n = await w.t.db.approvalRequest.count({
      where: { organizationId, id: { in: ids }, status: "expired" },
    });
    return n === ids.length;
  }, 30_000);

describe("worker faults", () => {
  it("killed with requests pending and restarted: each still expires on time", async () => {
    const [api, first] = await Promise.all([w.decisionApi(), w.worker()]);
    // Deadlines well after the restart, even when a loaded CI box takes seconds to start it.
    const ws = await w.workspace(15);
    const ids = [
      await askApproval(api.url, ws.secret, "/srv/a.csv"),
      await askApproval(api.url, ws.secret, "/srv/b.csv"),
      await askApproval(api.url, ws.secret, "/srv/c.csv"),
    ];
    await first.kill(); // SIGKILL: nothing finished, nothing said
    await new Promise((r) => setTimeout(r, 1000));
    await w.worker();
    // The deadlines are still ahead: what expires them is the delayed jobs the killed worker
    // left in Redis (or the restarted one's sweeper), on time.
    const pending = await w.t.db.approvalRequest.count({
      where: {
        organizationId: ws.org.id,
        id: { in: ids },
        status: "pending",
        expiresAt: { gt: new Date() },
      },
    });
    expect(pending).toBe(3);
    await expiredAll(ws.org.id, ids);
    // On time, give or take a loaded CI box (CI27 saw 2.1 s); nothing was lost with the kill.
    for (const id of ids) expect(await expiryLag(ws.org.id, id)).toBeLessThan(5000);
  });

  describe("with a Redis of its own", () => {
    let store: PrivateRedis | undefined;
    afterAll(async () => {
      await store?.stop();
    });

    it("flushed: the sweeper sends the mail nobody sent and expires on time, batch by batch", async () => {
      store = new PrivateRedis(await freePort());
      await store.start();
      const ownRedis = store;
      const api = await w.decisionApi({ REDIS_URL: ownRedis.url });
      // Time enough for a loaded CI box to start the worker and sweep before the deadline.
      const ws = await w.workspace(20);
      const ids = [
        await askApproval(api.url, ws.secret, "/srv/a.csv"),
        await askApproval(api.url, ws.secret, "/srv/b.csv"),
        await askApproval(api.url, ws.secret, "/srv/c.csv"),
      ];
      // Their jobs are in this Redis; a flush loses them (no worker has run yet).
      const admin = new Redis(ownRedis.url);
      admin.on("error", () => undefined);
      const halfwayJobs = ids.map((id) => `${w.prefix}:sekuire-notifications:notify-halfway-${id}`);
      await eventually(async () => (await admin.exists(...halfwayJobs)) === ids.length).catch(
        () => {
          throw new Error(`the jobs were not all enqueued:\n${api.output()}`);
        },
      );
      await admin.flushall();
      admin.disconnect();

      // Two requests a sweep: the third open one is reached by the sweeper's cursor (without it,
      // its halfway job would never come back: overdue requests are expired by the sweep itself).
      await w.worker({ REDIS_URL: ownRedis.url, SEKUIRE_SWEEP_BATCH: "2" });
      await eventually(
        async () => ids.every((id) => w.sink().messages.some((m) => m.decoded.includes(id))),
        20_000,
      );
      await expiredAll(ws.org.id, ids);
      for (const id of ids) expect(await expiryLag(ws.org.id, id)).toBeLessThan(5000);
      const escalated = await w.t.db.approvalRequest.count({
        where: { organizationId: ws.org.id, id: { in: ids }, escalatedAt: { not: null } },
      });
      expect(escalated).toBe(3);
    });
  });

  it("SMTP down: the failure is recorded, the request stays decidable, and mail goes out once SMTP is back", async () => {
    const port = await freePort(); // nothing listens here yet
    const [api, worker] = await Promise.all([
      w.decisionApi(),
      w.worker({ SMTP_URL: `smtp://127.0.0.1:${port}` }),
    ]);
    process.on("exit", () => {
      if (process.env.SHOW_WORKER) console.log(worker.output());
    });
    const ws = await w.workspace();
    const decided = await askApproval(api.url, ws.secret, "/srv/decided.csv");
    const waiting = await askApproval(api.url, ws.secret, "/srv/waiting.csv");
    await eventually(async () => {
      const failed = await w.t.db.approvalNotification.count({
        where: { organizationId: ws.org.id, approvalId: waiting, status: "failed" },
      });
      return failed > 0;
    });
    const failure = await w.t.db.approvalNotification.findFirstOrThrow({
      where: { organizationId: ws.org.id, approvalId: waiting, status: "failed" },
    });
    expect(failure.lastError).toMatch(/ECONNREFUSED|connect/i);
    await decideApproval(w.t.db, ws.org.admin, {
      organizationId: ws.org.id,
      approvalId: decided,
      verdict: "deny",
      comment: "not now",
    });

    const sink = await startSmtpSink(port);
    try {
      const sent = async () => {
        const rows = await w.t.db.approvalNotification.findMany({
          where: { organizationId: ws.org.id, approvalId: waiting },
        });
        return rows.length > 0 && rows.every((r) => r.status === "sent") ? rows : null;
      };
      await eventually(async () => (await sent()) !== null, 30_000);
      const rows = (await sent()) ?? [];
      expect(sink.messages.filter((m) => m.decoded.includes(waiting))).toHaveLength(rows.length);
      expect(Math.max(...rows.map((r) => r.attempts))).toBeGreaterThan(1);
      // The denied request's retries find it decided: nobody is asked about it any more.
      await new Promise((r) => setTimeout(r, 3000));
      expect(sink.messages.some((m) => m.decoded.includes(decided))).toBe(false);
    } finally {
      await sink.close();
    }
  });
});
