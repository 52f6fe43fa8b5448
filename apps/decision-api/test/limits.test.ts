/**
 * Spec §6's counted limits across two decision-api processes: many parallel clients, and the
 * number of Allows never exceeds the limit; slots are freed by completion or lease expiry; cost
 * is reserved at decision time and settled by the report.
 */
import { describe, expect, it } from "vitest";
import { call, decision } from "./support/client.js";
import { document } from "./support/policies.js";
import { useTwoDecisionApis } from "./support/setup.js";

const s = useTwoDecisionApis();

const read = (i: number) => ({ action: "file:Read", resource: `file:///srv/${i}` });

/** `n` decisions at once, alternating between the two processes. */
async function burst(secret: string, n: number, body: (i: number) => object = read) {
  return Promise.all(
    Array.from({ length: n }, (_, i) => decision(i % 2 ? s.a.url : s.b.url, secret, body(i))),
  );
}

const count = (answers: { body: Record<string, unknown> }[], decision: string) =>
  answers.filter((r) => r.body.decision === decision).length;

describe("MaxApiCallsPerHour", () => {
  it("lets exactly the limit through under parallel load on two processes", async () => {
    const w = await s.workspace(document({ limits: { MaxApiCallsPerHour: 20 } }));
    const answers = await burst(w.secret, 40);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(count(answers, "Allow")).toBe(20);
    const refused = answers.filter((r) => r.body.reason === "LimitExceeded");
    expect(refused).toHaveLength(20);
    expect(refused[0]?.body).toMatchObject({
      decision: "Deny",
      limit: "MaxApiCallsPerHour",
      message: /MaxApiCallsPerHour \(20\) is reached/,
    });
  });

  it("counts Denies too, and an explicit Deny stays ExplicitDeny over the limit", async () => {
    const w = await s.workspace(document({ limits: { MaxApiCallsPerHour: 2 } }));
    const deny = { action: "db:Delete", resource: "db://x" };
    expect((await decision(s.a.url, w.secret, deny)).body.reason).toBe("ExplicitDeny");
    expect((await decision(s.b.url, w.secret, read(1))).body.decision).toBe("Allow");
    expect((await decision(s.a.url, w.secret, read(2))).body.reason).toBe("LimitExceeded");
    expect((await decision(s.b.url, w.secret, deny)).body.reason).toBe("ExplicitDeny");
    // An approval request over the limit is refused too, and opens nothing.
    const ask = await decision(s.a.url, w.secret, {
      action: "file:Write",
      resource: "file:///srv/a",
    });
    expect(ask.body).toMatchObject({ decision: "Deny", reason: "LimitExceeded" });
    expect(ask.body.approval).toBeUndefined();
    expect(await s.t.db.approvalRequest.count({ where: { organizationId: w.org.id } })).toBe(0);
  });
});

describe("MaxConcurrentRequests", () => {
  it("holds at most the limit of slots; completion frees one; the report is kept once", async () => {
    const w = await s.workspace(document({ limits: { MaxConcurrentRequests: 3, MaxTokens: 100 } }));
    const answers = await burst(w.secret, 20);
    const allowed = answers.filter((r) => r.body.decision === "Allow");
    expect(allowed).toHaveLength(3);
    expect(count(answers, "Deny")).toBe(17);
    expect(answers.find((r) => r.body.decision === "Deny")?.body.limit).toBe(
      "MaxConcurrentRequests",
    );
    const id = allowed[0]?.body.decisionId as string;
    const done = await call(s.b.url, `/v1/decisions/${id}/complete`, {
      key: w.secret,
      body: { tokens: 500, durationMs: 1200, costUsd: 0.01 },
    });
    expect(done).toMatchObject({
      status: 200,
      body: { decisionId: id, released: true, overLimits: ["MaxTokens"] },
    });
    const usage = await s.t.db.decisionUsage.findFirstOrThrow({
      where: { organizationId: w.org.id, decisionId: id },
    });
    expect(usage).toMatchObject({ tokens: 500, costMicros: 10_000n, overLimits: ["MaxTokens"] });
    expect((await decision(s.a.url, w.secret, read(99))).body.decision).toBe("Allow");
    expect((await decision(s.b.url, w.secret, read(100))).body.decision).toBe("Deny");
    const again = await call(s.a.url, `/v1/decisions/${id}/complete`, { key: w.secret, body: {} });
    expect(again.status).toBe(409);
  });

  it("frees a slot whose lease ran out (MaxExecutionTime): a crashed agent leaks nothing", async () => {
    const w = await s.workspace(
      document({ limits: { MaxConcurrentRequests: 1, MaxExecutionTime: "1s" } }),
    );
    expect((await decision(s.a.url, w.secret, read(1))).body.decision).toBe("Allow");
    expect((await decision(s.b.url, w.secret, read(2))).body.reason).toBe("LimitExceeded");
    await new Promise((r) => setTimeout(r, 1100));
    expect((await decision(s.b.url, w.secret, read(3))).body.decision).toBe("Allow");
  });

  it("refuses a completion for a decision that is not the agent's", async () => {
    const w = await s.workspace();
    const unknown = await call(s.a.url, `/v1/decisions/dec_${"0".repeat(32)}/complete`, {
      key: w.secret,
      body: {},
    });
    expect(unknown.status).toBe(404);
    const odd = await call(s.a.url, "/v1/decisions/nope/complete", { key: w.secret, body: {} });
    expect(odd.status).toBe(404);
    const bad = await call(s.a.url, `/v1/decisions/dec_${"0".repeat(32)}/complete`, {
      key: w.secret,
      body: { tokens: -1 },
    });
    expect(bad.status).toBe(400);
  });
});

describe("MaxCostPerHour", () => {
  it("reserves declared cost atomically and settles it with the report", async () => {
    const w = await s.workspace(document({ limits: { MaxCostPerHour: "$1.00" } }));
    const costly = (i: number) => ({ ...read(i), context: { "context.cost": 0.3 } });
    const answers = await burst(w.secret, 10, costly);
    const allowed = answers.filter((r) => r.body.decision === "Allow");
    expect(allowed).toHaveLength(3); // 0.9 reserved; a fourth would make 1.2
    const refused = answers.find((r) => r.body.reason === "LimitExceeded");
    expect(refused?.body).toMatchObject({ limit: "MaxCostPerHour", message: /\$0\.90 spent/ });
    // The first action cost only $0.05: 0.25 is given back, so one more $0.30 fits (0.95).
    const id = allowed[0]?.body.decisionId as string;
    await call(s.a.url, `/v1/decisions/${id}/complete`, { key: w.secret, body: { costUsd: 0.05 } });
    expect((await decision(s.b.url, w.secret, costly(50))).body.decision).toBe("Allow");
    expect((await decision(s.a.url, w.secret, costly(51))).body.reason).toBe("LimitExceeded");
  });
});

describe("MaxTokens", () => {
  it("refuses an action declaring more tokens, or an unreadable count", async () => {
    const w = await s.workspace(document({ limits: { MaxTokens: 100 } }));
    const ask = (tokens: unknown) =>
      decision(s.a.url, w.secret, { ...read(1), context: { context: { tokens } } });
    expect((await ask(100)).body.decision).toBe("Allow");
    expect((await ask("100")).body.decision).toBe("Allow");
    expect((await ask(101)).body).toMatchObject({
      decision: "Deny",
      reason: "LimitExceeded",
      limit: "MaxTokens",
      message: /declares 101 tokens; MaxTokens is 100/,
    });
    expect((await ask("lots")).body).toMatchObject({ reason: "LimitExceeded", limit: "MaxTokens" });
  });
});
