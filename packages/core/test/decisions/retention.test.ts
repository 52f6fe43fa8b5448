/**
 * Audit retention against a real database: only the expired start of a chain is deleted, in
 * batches, with a signed checkpoint that verifyChain starts from; a forged or unsigned
 * checkpoint is a break; expired approvals go after their window.
 */
import { describe, expect, it } from "vitest";
import {
  type DecisionRecordInput,
  enforceRetention,
  GroupCommitLog,
  verifyChain,
} from "../../src/decisions/index.js";
import { liveWorkspace, policyDocument, useTestDatabase } from "../../src/testing/index.js";

const t = useTestDatabase();
const KEY = "retention-test-key-0123456789abcdef";
const NOW = new Date("2026-12-07T12:00:00Z");
const DAY = 86_400_000;

async function workspaceWith(retentions: number[]) {
  const live = await liveWorkspace(t.db, policyDocument());
  const base = {
    organizationId: live.org.id,
    workspaceId: live.org.workspace,
    agentId: live.agent.id,
    apiKeyId: live.key.id,
    approvalId: null,
    matched: null,
    context: { n: 1 },
    details: null,
    latencyUs: 1,
    reason: "ExplicitDeny",
  };
  const log = new GroupCommitLog(t.db.$sql);
  // Written 40 days ago, one at a time (seq 1, 2, …), each with its own retention in days.
  for (const [i, retentionDays] of retentions.entries()) {
    const record: DecisionRecordInput = {
      ...base,
      requestId: `req_${i}`,
      action: "file:delete",
      resource: `file:///f${i}`,
      decision: "Deny",
      retentionDays,
      createdAt: new Date(NOW.getTime() - 40 * DAY),
    };
    await log.append(record);
  }
  const scope = { organizationId: live.org.id, workspaceId: live.org.workspace };
  const verify = (key: string | null = KEY) =>
    verifyChain(t.db, live.org.viewer, scope, { checkpointKey: key });
  const seqs = async () =>
    (
      await t.db.decisionLog.findMany({
        where: scope,
        select: { seq: true },
        orderBy: { seq: "asc" },
      })
    ).map((r) => Number(r.seq));
  return { live, scope, verify, seqs };
}

describe("audit retention", () => {
  it("deletes the expired start of the chain only, and the chain verifies from its checkpoint", async () => {
    // 1–5 expired (30 days), 6 kept (60), 7–8 expired but behind 6, 9–10 kept (90).
    const w = await workspaceWith([30, 30, 30, 30, 30, 60, 30, 30, 90, 90]);
    expect(await w.verify()).toEqual({ ok: true, records: 10 });

    const report = await enforceRetention(t.db, { key: KEY, now: NOW, batchSize: 2 });
    expect(report.records).toBeGreaterThanOrEqual(5);
    expect(await w.seqs()).toEqual([6, 7, 8, 9, 10]);
    expect(await w.verify()).toEqual({ ok: true, records: 5, prunedThrough: "5" });
    // Running again finds nothing more to do here.
    await enforceRetention(t.db, { key: KEY, now: NOW });
    expect(await w.seqs()).toEqual([6, 7, 8, 9, 10]);

    // Later, when 6 has expired too, 6–8 go, and the checkpoint moves.
    await enforceRetention(t.db, { key: KEY, now: new Date(NOW.getTime() + 30 * DAY) });
    expect(await w.seqs()).toEqual([9, 10]);
    expect(await w.verify()).toEqual({ ok: true, records: 2, prunedThrough: "8" });

    // A change in what is kept is still found.
    await t.db.decisionLog.updateMany({
      where: { ...w.scope, seq: 10n },
      data: { decision: "Allow" },
    });
    expect(await w.verify()).toMatchObject({ ok: false, brokenAt: { seq: "10", problem: "hash" } });
  });

  it("refuses a checkpoint moved by hand, signed with another key, or checked without the key", async () => {
    const w = await workspaceWith([30, 30, 90, 90]);
    await enforceRetention(t.db, { key: KEY, now: NOW });
    expect(await w.verify()).toEqual({ ok: true, records: 2, prunedThrough: "2" });
    expect(await w.verify("another-key-0123456789abcdef")).toMatchObject({
      ok: false,
      brokenAt: { seq: "2", problem: "checkpoint" },
    });
    expect(await w.verify(null)).toMatchObject({ ok: false, brokenAt: { problem: "checkpoint" } });
    // Someone deletes record 3 and moves the mark past it: the signature no longer holds.
    await t.db.decisionLog.deleteMany({ where: { ...w.scope, seq: 3n } });
    await t.db.decisionChain.updateMany({ where: w.scope, data: { prunedSeq: 3n } });
    expect(await w.verify()).toMatchObject({
      ok: false,
      brokenAt: { seq: "3", problem: "checkpoint" },
    });
  });

  it("can delete a whole chain, which still verifies (empty, its head at the checkpoint)", async () => {
    const w = await workspaceWith([30, 30, 30]);
    await enforceRetention(t.db, { key: KEY, now: NOW });
    expect(await w.seqs()).toEqual([]);
    expect(await w.verify()).toEqual({ ok: true, records: 0, prunedThrough: "3" });
  });

  it("deletes expired approval requests after their window, and nothing else", async () => {
    const live = await liveWorkspace(t.db, policyDocument());
    const base = {
      organizationId: live.org.id,
      workspaceId: live.org.workspace,
      agentId: live.agent.id,
      action: "file:write",
      resource: "file:///a",
      approverRole: "admin" as const,
    };
    const old = new Date(NOW.getTime() - 31 * DAY);
    const [expired, recent, denied] = await Promise.all([
      t.db.approvalRequest.create({ data: { ...base, status: "expired", expiresAt: old } }),
      t.db.approvalRequest.create({
        data: { ...base, status: "expired", expiresAt: new Date(NOW.getTime() - DAY) },
      }),
      t.db.approvalRequest.create({ data: { ...base, status: "denied", expiresAt: old } }),
    ]);
    await enforceRetention(t.db, { key: KEY, now: NOW, approvalRetentionDays: 30 });
    const left = await t.db.approvalRequest.findMany({
      where: { organizationId: live.org.id },
      select: { id: true },
    });
    expect(left.map((a) => a.id).sort()).toEqual([recent.id, denied.id].sort());
    expect(left.map((a) => a.id)).not.toContain(expired.id);
  });
});
