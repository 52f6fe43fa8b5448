/**
 * The decision path's domain half against a real database: the stamp rises with every change a
 * decision depends on (by trigger), keys and configs load as one snapshot, decisions fail closed,
 * and records chain per workspace with any number of writers.
 */
import { createSqlPool } from "@sekuire/db";
import { describe, expect, it } from "vitest";
import { revokeApiKey, setAgentFrozen } from "../../src/agents/index.js";
import {
  apiKeyHash,
  type DecisionRecordInput,
  decide,
  GroupCommitLog,
  isRecorded,
  keyStanding,
  loadDecisionConfig,
  lookupApiKey,
  readDecisionStamp,
  recordOf,
  serverContext,
  verifyChain,
} from "../../src/decisions/index.js";
import {
  createPolicyTestOrganization,
  liveWorkspace,
  policyDocument,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();
const NOW = new Date("2026-12-07T12:00:00Z");

const DENY_DELETE = JSON.stringify({
  Version: "2024-12-02",
  Statement: [
    { Sid: "Read", Effect: "Allow", Action: "file:Read", Resource: "file:///srv/*" },
    { Sid: "NoDelete", Effect: "Deny", Action: "file:Delete", Resource: "*" },
  ],
  RequireApproval: { Actions: ["db:Delete"], ApproverRole: "approver", TimeoutSeconds: 600 },
  AuditLog: { Required: true, RetentionDays: 7, Include: ["all_actions", "outcomes", "context"] },
});

async function setup(document = DENY_DELETE) {
  const live = await liveWorkspace(t.db, document);
  const hash = apiKeyHash(live.secret) as string;
  const found = await lookupApiKey(t.db, hash);
  if (!found.found) throw new Error("key not found");
  const config = await loadDecisionConfig(t.db, {
    organizationId: live.org.id,
    workspaceId: live.org.workspace,
  });
  if (!config) throw new Error("no config");
  const caller = { ...found.key, sourceIp: "203.0.113.9" };
  return { ...live, hash, key: found.key, config, caller };
}

describe("the decision stamp", () => {
  it("rises with a freeze and a revoke (by trigger), and not with a key's use", async () => {
    const s = await setup();
    const stamp = async () => (await readDecisionStamp(t.db, s.org.id)) as number;
    const before = await stamp();
    expect(s.key.stamp).toBe(before);
    await t.db.apiKey.updateMany({
      where: { organizationId: s.org.id, id: s.key.keyId },
      data: { lastUsedAt: NOW },
    });
    expect(await stamp()).toBe(before);
    await setAgentFrozen(t.db, s.org.admin, {
      organizationId: s.org.id,
      agentId: s.agent.id,
      frozen: true,
    });
    const afterFreeze = await stamp();
    expect(afterFreeze).toBeGreaterThan(before);
    await revokeApiKey(t.db, s.org.admin, { organizationId: s.org.id, keyId: s.key.keyId });
    expect(await stamp()).toBeGreaterThan(afterFreeze);
    const found = await lookupApiKey(t.db, s.hash);
    expect(found.found && keyStanding(found.key, new Date())).toBe("revoked");
    expect(found.found && found.key.agentFrozen).toBe(true);
  });

  it("an unknown or malformed key is told apart without a lookup for the malformed", async () => {
    expect(apiKeyHash("not a key")).toBeNull();
    const s = await setup();
    const other = `${s.secret.slice(0, -8)}AAAAAAAA`;
    const hash = apiKeyHash(other);
    if (hash) expect(await lookupApiKey(t.db, hash)).toEqual({ found: false, reason: "unknown" });
  });
});

describe("decide", () => {
  it("allows, denies and asks for approval as the live policy says, naming its version", async () => {
    const s = await setup();
    const allow = decide(
      s.config,
      s.caller,
      { action: "file:Read", resource: "file:///srv/a" },
      NOW,
    );
    expect(allow).toMatchObject({ decision: "Allow", reason: "ExplicitAllow" });
    expect(allow.matched).toEqual([
      expect.objectContaining({ policyId: s.policyId, versionNumber: 1, sid: "Read" }),
    ]);
    const deny = decide(s.config, s.caller, { action: "file:Delete", resource: "file:///x" }, NOW);
    expect(deny).toMatchObject({ decision: "Deny", reason: "ExplicitDeny" });
    const ask = decide(
      s.config,
      s.caller,
      { action: "db:Delete", resource: "db://prod/users" },
      NOW,
    );
    expect(ask).toMatchObject({
      decision: "RequireApproval",
      reason: "ApprovalRequired",
      approval: { approverRole: "approver", timeoutSeconds: 600 },
    });
  });

  it("puts the server's values in the context, whatever the caller sent", () => {
    const context = serverContext(
      {
        "agent.id": "forged",
        agent: { id: "forged", name: "kept" },
        source: { ip: "1.1.1.1" },
        x: 1,
      },
      {
        "source.ip": "203.0.113.9",
        "time.current": NOW.toISOString(),
        "agent.id": "agt_real",
        "workspace.id": "ws_real",
        "organization.id": "org_real",
      },
    );
    expect(context).toEqual({
      agent: { name: "kept" },
      source: {},
      x: 1,
      "source.ip": "203.0.113.9",
      "time.current": NOW.toISOString(),
      "agent.id": "agt_real",
      "workspace.id": "ws_real",
      "organization.id": "org_real",
    });
  });

  it("is Deny Frozen for a frozen agent or workspace, even where the policy allows", async () => {
    const s = await setup();
    const read = { action: "file:Read", resource: "file:///srv/a" };
    expect(decide(s.config, { ...s.caller, agentFrozen: true }, read, NOW)).toMatchObject({
      decision: "Deny",
      reason: "Frozen",
    });
    expect(decide({ ...s.config, frozen: true }, s.caller, read, NOW).reason).toBe("Frozen");
  });

  it("is Deny Unavailable when a live version cannot be compiled", async () => {
    const s = await setup();
    await t.db.policyVersion.updateMany({
      where: { organizationId: s.org.id, policyId: s.policyId },
      data: { document: '{"Version":"1999-01-01"}' },
    });
    const config = await loadDecisionConfig(t.db, {
      organizationId: s.org.id,
      workspaceId: s.org.workspace,
    });
    expect(config?.unloadable?.policyId).toBe(s.policyId);
    const outcome = decide(
      config as NonNullable<typeof config>,
      s.caller,
      { action: "file:Read", resource: "file:///srv/a" },
      NOW,
    );
    expect(outcome).toMatchObject({ decision: "Deny", reason: "Unavailable" });
  });

  it("is ImplicitDeny with a reason when no policy is assigned", async () => {
    const org = await createPolicyTestOrganization(t.db);
    const config = await loadDecisionConfig(t.db, {
      organizationId: org.id,
      workspaceId: org.workspace2,
    });
    const caller = {
      organizationId: org.id,
      workspaceId: org.workspace2,
      agentId: "agt_x",
      keyId: "key_x",
      agentFrozen: false,
    };
    const outcome = decide(
      config as NonNullable<typeof config>,
      caller,
      { action: "file:Read", resource: "file:///a" },
      NOW,
    );
    expect(outcome).toMatchObject({ decision: "Deny", reason: "ImplicitDeny" });
    expect(outcome.message).toMatch(/No policy is assigned/);
    expect(isRecorded(outcome)).toBe(true);
  });
});

describe("decision records", () => {
  function record(s: Awaited<ReturnType<typeof setup>>, i: number): DecisionRecordInput {
    const outcome = decide(
      s.config,
      s.caller,
      { action: "file:Delete", resource: `file:///f${i}` },
      NOW,
    );
    return recordOf(s.caller, { action: "file:Delete", resource: `file:///f${i}` }, outcome, {
      requestId: `req_${i}`,
      latencyUs: 10,
      at: NOW,
    });
  }

  it("keep what Include asks and a retention fixed when written", async () => {
    const s = await setup(policyDocument({ retentionDays: 12 }));
    const outcome = decide(
      s.config,
      s.caller,
      { action: "file:Write", resource: "file:///a" },
      NOW,
    );
    const r = recordOf(s.caller, { action: "file:Write", resource: "file:///a" }, outcome, {
      requestId: null,
      latencyUs: 5,
      at: NOW,
    });
    // No Include: the base fields only.
    expect(r).toMatchObject({ decision: "Deny", reason: null, resource: null, context: null });
    const log = new GroupCommitLog(t.db.$sql);
    const { id } = await log.append(r);
    const row = await t.db.decisionLog.findFirstOrThrow({
      where: { organizationId: s.org.id, id },
    });
    expect(row.retentionUntil.toISOString()).toBe("2026-12-19T12:00:00.000Z");
  });

  it("chain without gaps under two concurrent writers, and a changed record breaks it", async () => {
    const s = await setup();
    // Two processes' logs: one on Prisma's pool, one pipelined with three transactions in flight.
    const second = createSqlPool({ url: t.url, pipeline: true });
    const [a, b] = [new GroupCommitLog(t.db.$sql), new GroupCommitLog(second, { concurrency: 3 })];
    try {
      // Spread over a few milliseconds, so batches of both writers overlap in Postgres.
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          await new Promise((resolve) => setTimeout(resolve, i % 10));
          return (i % 2 ? a : b).append(record(s, i));
        }),
      );
    } finally {
      await second.end();
    }
    const scope = { organizationId: s.org.id, workspaceId: s.org.workspace };
    expect(await verifyChain(t.db, s.org.viewer, scope)).toEqual({ ok: true, records: 60 });
    const seqs = await t.db.decisionLog.findMany({ where: scope, select: { seq: true } });
    expect(seqs.map((r) => Number(r.seq)).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );

    await t.db.decisionLog.updateMany({
      where: { ...scope, seq: 17n },
      data: { decision: "Allow" },
    });
    expect(await verifyChain(t.db, s.org.viewer, scope)).toMatchObject({
      ok: false,
      records: 16,
      brokenAt: { seq: "17", problem: "hash" },
    });
  });

  it("notice the newest records deleted", async () => {
    const s = await setup();
    const log = new GroupCommitLog(t.db.$sql);
    for (let i = 0; i < 3; i++) await log.append(record(s, i));
    const scope = { organizationId: s.org.id, workspaceId: s.org.workspace };
    await t.db.decisionLog.deleteMany({ where: { ...scope, seq: 3n } });
    expect(await verifyChain(t.db, s.org.viewer, scope)).toMatchObject({
      ok: false,
      brokenAt: { problem: "gap" },
    });
  });
});
