/**
 * Audit retention as the worker runs it on its schedule: expired records leave the start of the
 * chain and the chain still verifies from the signed checkpoint; without a key nothing goes.
 */
import { GroupCommitLog, verifyChain } from "@sekuire/core/decisions";
import { describe, expect, it } from "vitest";
import { eventually } from "./support/processes.js";
import { useWorld } from "./support/world.js";

const w = useWorld();
const KEY = "worker-retention-key-0123456789abcdef";
const DAY = 86_400_000;

async function oldRecords(count: number) {
  const live = await w.workspace();
  const log = new GroupCommitLog(w.t.db.$sql);
  for (let i = 0; i < count; i++)
    await log.append({
      organizationId: live.org.id,
      workspaceId: live.org.workspace,
      agentId: live.agent.id,
      apiKeyId: live.key.id,
      requestId: `req_${i}`,
      action: "db:delete",
      resource: `db://prod/t${i}`,
      decision: "Deny",
      reason: "ExplicitDeny",
      matched: null,
      approvalId: null,
      context: null,
      details: null,
      latencyUs: null,
      // the last two are kept: written today with a 30-day retention
      retentionDays: 30,
      createdAt: new Date(Date.now() - (i < count - 2 ? 45 : 0) * DAY),
    });
  const scope = { organizationId: live.org.id, workspaceId: live.org.workspace };
  const count_ = () => w.t.db.decisionLog.count({ where: scope });
  return { live, scope, count: count_ };
}

describe("audit retention in the worker", () => {
  it("deletes expired records on schedule; the chain verifies across the deleted prefix", async () => {
    const r = await oldRecords(6);
    await w.worker({ SEKUIRE_CHECKPOINT_KEY: KEY, SEKUIRE_RETENTION_EVERY_SECONDS: "1" });
    await eventually(async () => (await r.count()) === 2, 20_000);
    expect(await verifyChain(w.t.db, r.live.org.viewer, r.scope, { checkpointKey: KEY })).toEqual({
      ok: true,
      records: 2,
      prunedThrough: "4",
    });
  });

  it("deletes nothing without a checkpoint key", async () => {
    const r = await oldRecords(3);
    const worker = await w.worker({ SEKUIRE_RETENTION_EVERY_SECONDS: "1" });
    await eventually(async () => worker.output().includes("audit retention skipped"), 20_000);
    expect(await r.count()).toBe(3);
  });
});
