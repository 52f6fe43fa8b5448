/**
 * Idempotency-Key: a retry (on either process) gets the first answer and counts, leases and
 * records nothing twice; the key is bound to the agent and the body.
 */
import { describe, expect, it } from "vitest";
import { decision } from "./support/client.js";
import { document } from "./support/policies.js";
import { useTwoDecisionApis } from "./support/setup.js";

const s = useTwoDecisionApis();
const body = { action: "db:Delete", resource: "db://prod/users" };

describe("Idempotency-Key", () => {
  it("answers a retry with the first answer, on any process, recording it once", async () => {
    const w = await s.workspace(document({ limits: { MaxApiCallsPerHour: 2 } }));
    const key = { "idempotency-key": `retry-${Date.now()}` };
    const first = await decision(s.a.url, w.secret, body, key);
    const retry = await decision(s.b.url, w.secret, body, key);
    expect(first.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await s.t.db.decisionLog.count({ where: { organizationId: w.org.id } })).toBe(1);
    // Counted once: one more decision fits under MaxApiCallsPerHour = 2, the next does not.
    const read = { action: "file:Read", resource: "file:///srv/a" };
    expect((await decision(s.a.url, w.secret, read)).body.decision).toBe("Allow");
    expect((await decision(s.a.url, w.secret, read)).body.reason).toBe("LimitExceeded");
  });

  it("refuses the same key with another body (422), and is bound to the agent", async () => {
    const w = await s.workspace();
    const key = { "idempotency-key": `bound-${Date.now()}` };
    const first = await decision(s.a.url, w.secret, body, key);
    const other = await decision(s.a.url, w.secret, { ...body, resource: "db://other" }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: "UNPROCESSABLE_CONTENT" } });
    const stranger = await s.workspace();
    const theirs = await decision(s.b.url, stranger.secret, body, key);
    expect(theirs.status).toBe(200);
    expect(theirs.body.decisionId).not.toBe(first.body.decisionId);
  });

  it("decides concurrent duplicates once: the others wait (409) or replay", async () => {
    const w = await s.workspace();
    const key = { "idempotency-key": `race-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => decision(i % 2 ? s.a.url : s.b.url, w.secret, body, key)),
    );
    const ids = new Set(answers.filter((r) => r.status === 200).map((r) => r.body.decisionId));
    expect(ids.size).toBe(1);
    for (const r of answers) expect([200, 409]).toContain(r.status);
    const busy = answers.find((r) => r.status === 409);
    if (busy) expect(busy.headers.get("retry-after")).toBe("1");
    expect(await s.t.db.decisionLog.count({ where: { organizationId: w.org.id } })).toBe(1);
  });

  it("refuses a key that is not visible ASCII", async () => {
    const w = await s.workspace();
    const answer = await decision(s.a.url, w.secret, body, { "idempotency-key": "x".repeat(300) });
    expect(answer.status).toBe(400);
  });
});
