/**
 * Faults: a decision API killed with SIGKILL under load has a record for every decision a
 * client received; with its Redis stopped, then its Postgres cut, it answers 503 Deny — never
 * Allow — and recovers by itself when each comes back, without a restart.
 */
import { liveWorkspace, useTestDatabase } from "@sekuire/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { call, decision, eventually } from "./support/client.js";
import { CuttableRelay, freePort, PrivateRedis } from "./support/faults.js";
import { document } from "./support/policies.js";
import { startDecisionApi } from "./support/processes.js";

const t = useTestDatabase();
const read = (i: number) => ({ action: "file:Read", resource: `file:///srv/${i}` });

describe("faults", () => {
  it("kill -9 under load: every decision a client received has its record", async () => {
    const w = await liveWorkspace(t.db, document());
    const p = await startDecisionApi({ DATABASE_URL: t.url });
    const received: string[] = [];
    let stop = false;
    const client = async () => {
      for (let i = 0; !stop && i < 2000; i++) {
        const answer = await decision(p.url, w.secret, read(i)).catch(() => null);
        if (!answer) return; // the server is gone
        if (answer.status === 200) received.push(answer.body.decisionId as string);
      }
    };
    const clients = Array.from({ length: 16 }, client);
    await eventually(async () => received.length >= 100, 15_000);
    await p.kill(); // SIGKILL: no flush, no goodbye
    stop = true;
    await Promise.all(clients);
    const rows = await t.db.decisionLog.findMany({
      where: { organizationId: w.org.id, id: { in: received } },
      select: { id: true },
    });
    expect(received.length).toBeGreaterThanOrEqual(100);
    expect(rows.length).toBe(received.length);
  });

  describe("stores going away", () => {
    let redis: PrivateRedis | undefined;
    let relay: CuttableRelay | undefined;
    afterAll(async () => {
      await relay?.cut();
      await redis?.stop();
    });

    it("Redis, then Postgres: 503 Deny and never Allow, then recovery without a restart", async () => {
      const store = new PrivateRedis(await freePort());
      redis = store;
      await store.start();
      const target = new URL(t.url);
      const pg = new CuttableRelay(await freePort(), {
        host: target.hostname,
        port: Number(target.port || 5432),
      });
      relay = pg;
      await pg.open();
      const viaRelay = new URL(t.url);
      viaRelay.host = `127.0.0.1:${pg.port}`;
      const p = await startDecisionApi({
        DATABASE_URL: viaRelay.toString(),
        REDIS_URL: store.url,
        SEKUIRE_STORE_TIMEOUT_MS: "1000",
        SEKUIRE_STAMP_CHECK_MS: "500",
      });
      // Counted needs Redis for every decision; plain needs only Postgres.
      const counted = await liveWorkspace(t.db, document({ limits: { MaxApiCallsPerHour: 1000 } }));
      const plain = await liveWorkspace(t.db, document());
      // Warm (a loaded box may need more than the short deadline for the first, cold lookups).
      for (const w of [counted, plain])
        await eventually(
          async () => (await decision(p.url, w.secret, read(0))).body.decision === "Allow",
          15_000,
        );

      const answers: Array<{ status: number; decision: unknown }> = [];
      const ask = async (secret: string, headers?: Record<string, string>) => {
        const a = await decision(p.url, secret, read(1), headers);
        answers.push({ status: a.status, decision: a.body.decision });
        return a;
      };

      await store.stop();
      const noRedis = await ask(counted.secret);
      expect(noRedis.status).toBe(503);
      expect(noRedis.body).toMatchObject({ decision: "Deny", reason: "Unavailable" });
      // A keyed retry cannot be made safe without Redis either; a workspace that does not need
      // Redis still decides.
      expect((await ask(plain.secret, { "idempotency-key": "k-1" })).status).toBe(503);
      expect((await ask(plain.secret)).body.decision).toBe("Allow");
      expect((await call(p.url, "/readyz")).status).toBe(503);

      await store.start();
      await eventually(async () => (await ask(counted.secret)).body.decision === "Allow", 8000);

      await pg.cut();
      for (const w of [counted, plain]) {
        const cut = await ask(w.secret);
        expect(cut.status).toBe(503);
        expect(cut.body).toMatchObject({ decision: "Deny", reason: "Unavailable" });
      }
      expect((await call(p.url, "/readyz")).body).toMatchObject({
        checks: { postgres: "unreachable" },
      });

      await pg.open();
      for (const w of [counted, plain])
        await eventually(async () => (await ask(w.secret)).body.decision === "Allow", 10_000);
      expect((await call(p.url, "/readyz")).status).toBe(200);

      // Through it all: every answer was a 200 or a 503, and no 503 ever said Allow.
      for (const a of answers) {
        expect([200, 503]).toContain(a.status);
        if (a.status !== 200) expect(a.decision).toBe("Deny");
      }
      await p.stop();
    });
  });
});
