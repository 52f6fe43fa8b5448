/**
 * Approvals from the agent's side across two processes: a RequireApproval opens a request, the
 * agent long-polls it on one process while a person approves through tRPC, the poll answers at
 * once, and the repeat with `approvalId` is one Allow; every way a redemption can fail.
 */
import { appRouter } from "@sekuire/api";
import type { Principal } from "@sekuire/core/access";
import { createAgent, createApiKey, setAgentFrozen } from "@sekuire/core/agents";
import { createTokenPrincipal } from "@sekuire/core/testing";
import { describe, expect, it } from "vitest";
import { call, decision } from "./support/client.js";
import { document } from "./support/policies.js";
import { useTwoDecisionApis } from "./support/setup.js";

const s = useTwoDecisionApis();
const write = {
  action: "file:Write",
  resource: "file:///srv/report.txt",
  context: { ticket: "T-1" },
};

const trpc = (principal: Principal) =>
  appRouter.createCaller({ db: s.t.db, principal, requestId: "req_test" });

async function asked(doc = document()) {
  const w = await s.workspace(doc);
  const answer = await decision(s.a.url, w.secret, write);
  expect(answer.body.decision).toBe("RequireApproval");
  const approvalId = (answer.body.approval as { id: string }).id;
  return { ...w, approvalId };
}

const poll = (base: string, secret: string, id: string, wait = 0) =>
  call(base, `/v1/approvals/${id}?waitSeconds=${wait}`, { key: secret });

describe("approval requests", () => {
  it("create → long-poll → approve through tRPC → the poll answers → one Allow", async () => {
    const w = await asked();
    expect((await poll(s.b.url, w.secret, w.approvalId)).body).toMatchObject({
      id: w.approvalId,
      status: "pending",
    });
    const waiting = poll(s.b.url, w.secret, w.approvalId, 20).then((r) => ({
      ...r,
      at: Date.now(),
    }));
    await new Promise((r) => setTimeout(r, 300));
    const decided = await trpc(w.org.admin).approvals.decide({
      organizationId: w.org.id,
      approvalId: w.approvalId,
      verdict: "approve",
      comment: "ship it",
    });
    const decidedAt = Date.now();
    expect(decided).toMatchObject({ status: "approved", decisionNote: "ship it" });
    const answered = await waiting;
    // Woken over pub/sub: well before the waiter's own re-read (3 s) would have found it.
    expect(answered.at - decidedAt).toBeLessThan(1000);
    expect(answered.body).toMatchObject({ status: "approved", comment: "ship it" });
    expect(answered.body.decidedBy).toBeTruthy();

    const redeemed = await decision(s.a.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(redeemed.body).toMatchObject({ decision: "Allow", reason: "ApprovalGranted" });
    const again = await decision(s.b.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(again.body).toMatchObject({ decision: "Deny", reason: "ApprovalConsumed" });
    // Both are on record with the approval's id; the admin trail has who approved.
    const rows = await s.t.db.decisionLog.findMany({
      where: { organizationId: w.org.id, approvalId: w.approvalId },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => r.reason)).toEqual([
      "ApprovalRequired",
      "ApprovalGranted",
      "ApprovalConsumed",
    ]);
    const trail = await s.t.db.adminAuditEvent.findMany({
      where: { organizationId: w.org.id, action: "approval.approved" },
    });
    expect(trail).toHaveLength(1);
  });

  it("a pending approval redeemed early stays RequireApproval with the same request", async () => {
    const w = await asked();
    const early = await decision(s.b.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(early.body).toMatchObject({
      decision: "RequireApproval",
      approval: { id: w.approvalId, status: "pending" },
    });
    expect(await s.t.db.approvalRequest.count({ where: { organizationId: w.org.id } })).toBe(1);
  });

  it("denied: the poll says so and the repeat is Deny ApprovalDenied", async () => {
    const w = await asked();
    await trpc(w.org.admin).approvals.decide({
      organizationId: w.org.id,
      approvalId: w.approvalId,
      verdict: "deny",
    });
    expect((await poll(s.a.url, w.secret, w.approvalId)).body.status).toBe("denied");
    const repeat = await decision(s.b.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(repeat.body).toMatchObject({ decision: "Deny", reason: "ApprovalDenied" });
    // Decided once.
    await expect(
      trpc(w.org.admin).approvals.decide({
        organizationId: w.org.id,
        approvalId: w.approvalId,
        verdict: "approve",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("expired: reads expired at its deadline before any job ran; cannot be approved", async () => {
    const doc = JSON.parse(document()) as Record<string, { TimeoutSeconds?: number }>;
    (doc.RequireApproval as { TimeoutSeconds: number }).TimeoutSeconds = 1;
    const w = await asked(JSON.stringify(doc));
    const waited = await poll(s.b.url, w.secret, w.approvalId, 5);
    expect(waited.body.status).toBe("expired");
    const repeat = await decision(s.a.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(repeat.body).toMatchObject({ decision: "Deny", reason: "ApprovalExpired" });
    await expect(
      trpc(w.org.admin).approvals.decide({
        organizationId: w.org.id,
        approvalId: w.approvalId,
        verdict: "approve",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("binds the approval to agent, action, canonical resource and context", async () => {
    const w = await asked();
    await trpc(w.org.admin).approvals.decide({
      organizationId: w.org.id,
      approvalId: w.approvalId,
      verdict: "approve",
    });
    const redeem = (body: object, secret = w.secret) =>
      decision(s.a.url, secret, { ...body, approvalId: w.approvalId });
    for (const other of [
      { ...write, resource: "file:///srv/other.txt" },
      { ...write, context: { ticket: "T-2" } },
      { ...write, context: undefined },
    ])
      expect((await redeem(other)).body.reason).toBe("ApprovalMismatch");
    // Another agent of the same workspace cannot use it, nor can it read it.
    const other = await createAgent(s.t.db, w.org.admin, {
      organizationId: w.org.id,
      workspaceId: w.org.workspace,
      name: "other",
    });
    const { secret } = await createApiKey(s.t.db, w.org.admin, {
      organizationId: w.org.id,
      agentId: other.id,
    });
    expect((await redeem(write, secret)).body.reason).toBe("ApprovalMismatch");
    expect((await poll(s.b.url, secret, w.approvalId)).status).toBe(404);
    // The same resource spelled differently is the same canonical resource; server-set keys
    // (time, address) are not part of the binding.
    const same = await redeem({
      ...write,
      resource: "file:///srv/./x/../report.txt",
      context: { ticket: "T-1", "time.current": "2000-01-01T00:00:00Z" },
    });
    expect(same.body).toMatchObject({ decision: "Allow", reason: "ApprovalGranted" });
  });

  it("still applies freezes, and a redemption window of an hour", async () => {
    const w = await asked();
    await trpc(w.org.admin).approvals.decide({
      organizationId: w.org.id,
      approvalId: w.approvalId,
      verdict: "approve",
    });
    await setAgentFrozen(s.t.db, w.org.admin, {
      organizationId: w.org.id,
      agentId: w.agent.id,
      frozen: true,
    });
    const frozen = await decision(s.b.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(frozen.body.reason).toBe("Frozen");
    await setAgentFrozen(s.t.db, w.org.admin, {
      organizationId: w.org.id,
      agentId: w.agent.id,
      frozen: false,
    });
    // Approved over an hour ago: too late, and the approval was not consumed by the Frozen try.
    await s.t.db.approvalRequest.updateMany({
      where: { organizationId: w.org.id, id: w.approvalId },
      data: { decidedAt: new Date(Date.now() - 61 * 60_000) },
    });
    const late = await decision(s.a.url, w.secret, { ...write, approvalId: w.approvalId });
    expect(late.body).toMatchObject({ decision: "Deny", reason: "ApprovalExpired" });
  });

  it("redeems once under concurrent repeats", async () => {
    const w = await asked();
    await trpc(w.org.admin).approvals.decide({
      organizationId: w.org.id,
      approvalId: w.approvalId,
      verdict: "approve",
    });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        decision(i % 2 ? s.a.url : s.b.url, w.secret, { ...write, approvalId: w.approvalId }),
      ),
    );
    expect(answers.filter((r) => r.body.reason === "ApprovalGranted")).toHaveLength(1);
    expect(answers.filter((r) => r.body.reason === "ApprovalConsumed")).toHaveLength(5);
  });

  it("is decided only by a member with the approver role, never by a token or outsider", async () => {
    const w = await asked(document());
    const input = {
      organizationId: w.org.id,
      approvalId: w.approvalId,
      verdict: "approve" as const,
    };
    // The policy asks for an admin: an approver is not enough, a viewer neither.
    await expect(trpc(w.org.approver).approvals.decide(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(trpc(w.org.viewer).approvals.decide(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const token = await createTokenPrincipal(s.t.db, w.org.id, "owner");
    await expect(trpc(token).approvals.decide(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await s.workspace();
    await expect(trpc(stranger.org.owner).approvals.decide(input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another organization's key cannot read it.
    expect((await poll(s.a.url, stranger.secret, w.approvalId)).status).toBe(404);
    expect((await poll(s.a.url, w.secret, w.approvalId, 99)).status).toBe(400);
  });
});
