/**
 * POST /v1/decisions against two real decision-api processes over one real Postgres: every
 * reason, the key's standing, the server's own context values, records committed before the
 * answer, and changes (policy, key, freeze) reaching both processes.
 */
import { revokeApiKey, setAgentFrozen } from "@sekuire/core/agents";
import { setDecisionChangeAnnouncer } from "@sekuire/core/decisions";
import { publishPolicy } from "@sekuire/core/policies";
import { setWorkspaceFrozen } from "@sekuire/core/workspaces";
import { describe, expect, it } from "vitest";
import { call, decision, eventually } from "./support/client.js";
import { document } from "./support/policies.js";
import { startDecisionApi } from "./support/processes.js";
import { useTwoDecisionApis } from "./support/setup.js";

const s = useTwoDecisionApis();
const t = s.t;
const workspace = s.workspace;
// The two processes, read once they are started.
const servers = () => [s.a, s.b] as const;

describe("POST /v1/decisions", () => {
  it("answers Allow, Deny and RequireApproval with the statements and policy versions", async () => {
    const w = await workspace();
    const allow = await decision(s.a.url, w.secret, {
      action: "file:Read",
      resource: "file:///srv/app/a.txt",
    });
    expect(allow.status).toBe(200);
    expect(allow.body).toMatchObject({
      decision: "Allow",
      reason: "ExplicitAllow",
      matched: [
        {
          policyId: w.policyId,
          policyName: "Live",
          versionNumber: 1,
          sid: "ReadSrv",
          statement: 0,
        },
      ],
    });
    expect(allow.body.decisionId).toMatch(/^dec_/);
    expect(allow.headers.get("x-request-id")).toMatch(/^req_/);

    const deny = await decision(s.b.url, w.secret, {
      action: "db:Delete",
      resource: "db://prod/users",
    });
    expect(deny.body).toMatchObject({ decision: "Deny", reason: "ExplicitDeny" });
    const implicit = await decision(s.b.url, w.secret, {
      action: "file:Read",
      resource: "file:///etc/x",
    });
    expect(implicit.body).toMatchObject({ decision: "Deny", reason: "ImplicitDeny" });
    const badResource = await decision(s.a.url, w.secret, {
      action: "file:Read",
      resource: "file:///srv/../../etc/passwd",
    });
    expect(badResource.body).toMatchObject({ decision: "Deny", reason: "InvalidResource" });
    const badAction = await decision(s.a.url, w.secret, {
      action: "not an action",
      resource: "file:///srv/a",
    });
    expect(badAction.body).toMatchObject({ decision: "Deny", reason: "InvalidAction" });

    const ask = await decision(s.a.url, w.secret, {
      action: "file:Write",
      resource: "file:///srv/a",
    });
    expect(ask.body).toMatchObject({
      decision: "RequireApproval",
      reason: "ApprovalRequired",
      approval: { status: "pending", approverRole: "admin" },
    });
    const approval = ask.body.approval as { id: string; expiresAt: string };
    const stored = await t.db.approvalRequest.findFirstOrThrow({
      where: { organizationId: w.org.id, id: approval.id },
    });
    // Actions compare case-insensitively (spec §2): stored in their canonical, lower-case form.
    expect(stored).toMatchObject({ status: "pending", action: "file:write", agentId: w.agent.id });
    expect(stored.expiresAt.toISOString()).toBe(approval.expiresAt);
    expect(Date.parse(approval.expiresAt) - stored.createdAt.getTime()).toBe(600_000);
  });

  it("denies everything, saying why, in a workspace with no policy", async () => {
    const w = await workspace();
    await t.db.policyAssignment.deleteMany({ where: { organizationId: w.org.id } });
    const answer = await decision(s.a.url, w.secret, {
      action: "file:Read",
      resource: "file:///srv/a",
    });
    expect(answer.body).toMatchObject({ decision: "Deny", reason: "ImplicitDeny" });
    expect(answer.body.message).toMatch(/No policy is assigned/);
  });

  it("commits the record before answering, with the server's context values in place", async () => {
    const w = await workspace();
    const answer = await decision(s.a.url, w.secret, {
      action: "file:Read",
      resource: "file:///srv/x",
      context: {
        "agent.id": "agt_forged",
        agent: { id: "agt_nested_forged" },
        source: { ip: "6.6.6.6" },
        "organization.id": "org_other",
        time: { current: "1999-01-01T00:00:00Z" },
        task: "nightly",
      },
    });
    const row = await t.db.decisionLog.findFirstOrThrow({
      where: { organizationId: w.org.id, id: answer.body.decisionId as string },
    });
    expect(row).toMatchObject({
      decision: "Allow",
      reason: "ExplicitAllow",
      resource: "file:///srv/x",
    });
    expect(row.context).toEqual({
      task: "nightly",
      agent: {},
      source: {},
      time: {},
      "source.ip": "127.0.0.1",
      "time.current": row.createdAt.toISOString(),
      "agent.id": w.agent.id,
      "workspace.id": w.org.workspace,
      "organization.id": w.org.id,
    });
    expect(row.requestId).toBe(answer.headers.get("x-request-id"));
    expect(row.latencyUs).toBeGreaterThan(0);
  });

  it("keeps a caller's request id when it is a plain token", async () => {
    const w = await workspace();
    const answer = await decision(
      s.a.url,
      w.secret,
      { action: "db:Delete", resource: "db://x" },
      { "x-request-id": "trace-42.abc" },
    );
    expect(answer.headers.get("x-request-id")).toBe("trace-42.abc");
    const odd = await decision(
      s.a.url,
      w.secret,
      { action: "db:Delete", resource: "db://x" },
      {
        "x-request-id": "a b\u00e9",
      },
    );
    expect(odd.headers.get("x-request-id")).toMatch(/^req_/);
  });
});

describe("refusals", () => {
  it("401 without a key, with a malformed or unknown one; 403 for a revoked or expired key", async () => {
    const w = await workspace();
    const body = { action: "file:Read", resource: "file:///srv/a" };
    const none = await call(s.a.url, "/v1/decisions", { body });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect((await decision(s.a.url, "sek_live_nope", body)).status).toBe(401);
    const unknown = `${w.secret.slice(0, -7)}_000000`;
    expect((await decision(s.a.url, unknown, body)).status).toBe(401);

    // Both processes have the key cached; the revocation's announcement reaches each at once.
    expect((await decision(s.a.url, w.secret, body)).status).toBe(200);
    expect((await decision(s.b.url, w.secret, body)).status).toBe(200);
    await revokeApiKey(t.db, w.org.admin, { organizationId: w.org.id, keyId: w.key.id });
    for (const p of servers()) {
      const ms = await eventually(
        async () => (await decision(p.url, w.secret, body)).status === 403,
      );
      expect(ms).toBeLessThan(3000);
    }
    const refused = await decision(s.b.url, w.secret, body);
    expect(refused.body).toMatchObject({ error: { code: "FORBIDDEN", message: /revoked/ } });

    const e = await workspace();
    await t.db.apiKey.updateMany({
      where: { organizationId: e.org.id, id: e.key.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await decision(s.a.url, e.secret, body);
    expect(expired.status).toBe(403);
    expect(expired.body).toMatchObject({ error: { message: /expired/ } });
  });

  it("400 names each bad field; 413, 415, 404 and 405 say what is wrong", async () => {
    const w = await workspace();
    const invalid = await decision(s.a.url, w.secret, { action: 7, resource: "", extra: true });
    expect(invalid.status).toBe(400);
    const pointers = (invalid.body.error as { details: { pointer: string }[] }).details.map(
      (d) => d.pointer,
    );
    expect(pointers).toEqual(expect.arrayContaining(["/action", "/resource", ""]));
    const malformed = await call(s.a.url, "/v1/decisions", { key: w.secret, raw: '{"action":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      error: { code: "BAD_REQUEST", message: /not valid JSON/ },
    });
    const text = await call(s.a.url, "/v1/decisions", {
      key: w.secret,
      raw: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const huge = await call(s.a.url, "/v1/decisions", {
      key: w.secret,
      body: {
        action: "file:Read",
        resource: "file:///srv/a",
        context: { blob: "x".repeat(1_100_000) },
      },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect((await call(s.a.url, "/v1/nothing")).status).toBe(404);
    const wrongMethod = await call(s.a.url, "/v1/decisions", { key: w.secret });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});

describe("changes reach every process", () => {
  it("a frozen agent is Deny Frozen on both within a second, until unfrozen", async () => {
    const w = await workspace();
    const body = { action: "file:Read", resource: "file:///srv/a" };
    for (const p of servers())
      expect((await decision(p.url, w.secret, body)).body.decision).toBe("Allow");
    await setAgentFrozen(t.db, w.org.admin, {
      organizationId: w.org.id,
      agentId: w.agent.id,
      frozen: true,
    });
    for (const p of servers())
      await eventually(
        async () => (await decision(p.url, w.secret, body)).body.reason === "Frozen",
        3000,
      );
    const frozen = await decision(s.a.url, w.secret, body);
    expect(frozen.body).toMatchObject({
      decision: "Deny",
      reason: "Frozen",
      message: /agent is frozen/,
    });
    await setAgentFrozen(t.db, w.org.admin, {
      organizationId: w.org.id,
      agentId: w.agent.id,
      frozen: false,
    });
    for (const p of servers())
      await eventually(
        async () => (await decision(p.url, w.secret, body)).body.decision === "Allow",
        3000,
      );
  });

  it("a new policy version is decided by both processes", async () => {
    const w = await workspace();
    const body = { action: "file:List", resource: "file:///srv" };
    for (const p of servers())
      expect((await decision(p.url, w.secret, body)).body.reason).toBe("ImplicitDeny");
    await publishPolicy(t.db, w.org.admin, {
      organizationId: w.org.id,
      policyId: w.policyId,
      changeNote: "list too",
      document: document({
        extra: [{ Sid: "List", Effect: "Allow", Action: "file:List", Resource: "file:///srv" }],
      }),
    });
    for (const p of servers())
      await eventually(
        async () => (await decision(p.url, w.secret, body)).body.decision === "Allow",
        3000,
      );
    const now = await decision(s.b.url, w.secret, body);
    expect(now.body).toMatchObject({ matched: [{ sid: "List", versionNumber: 2 }] });
  });

  it("a frozen workspace is Deny Frozen for every agent on both processes within a second", async () => {
    const w = await workspace();
    const body = { action: "file:Read", resource: "file:///srv/a" };
    for (const p of servers())
      expect((await decision(p.url, w.secret, body)).body.decision).toBe("Allow");
    await setWorkspaceFrozen(t.db, w.org.admin, {
      organizationId: w.org.id,
      workspaceId: w.org.workspace,
      frozen: true,
    });
    for (const p of servers())
      await eventually(
        async () => (await decision(p.url, w.secret, body)).body.reason === "Frozen",
        1000,
      );
    const frozen = await decision(s.b.url, w.secret, body);
    expect(frozen.body.message).toMatch(/workspace is frozen/);
    await setWorkspaceFrozen(t.db, w.org.admin, {
      organizationId: w.org.id,
      workspaceId: w.org.workspace,
      frozen: false,
    });
    for (const p of servers())
      await eventually(
        async () => (await decision(p.url, w.secret, body)).body.decision === "Allow",
        1000,
      );
  });

  it("without pub/sub (a lost message), a change still arrives by the stamp check", async () => {
    const w = await workspace();
    const body = { action: "file:Read", resource: "file:///srv/a" };
    for (const p of servers())
      expect((await decision(p.url, w.secret, body)).body.decision).toBe("Allow");
    setDecisionChangeAnnouncer(null);
    try {
      await setAgentFrozen(t.db, w.org.admin, {
        organizationId: w.org.id,
        agentId: w.agent.id,
        frozen: true,
      });
      for (const p of servers()) {
        const ms = await eventually(
          async () => (await decision(p.url, w.secret, body)).body.reason === "Frozen",
          7000,
        );
        // Each process re-reads the stamp at least every 5 s (SEKUIRE_STAMP_CHECK_MS).
        expect(ms).toBeLessThan(5500);
      }
    } finally {
      setDecisionChangeAnnouncer(s.announcer);
    }
  });

  it("a live version this engine cannot load is a 503 whose body reads Deny Unavailable", async () => {
    const w = await workspace();
    const version = await t.db.policyVersion.findFirstOrThrow({
      where: { organizationId: w.org.id, policyId: w.policyId },
    });
    // What an older or newer engine could have stored: a document this one refuses.
    await t.db.$unscoped
      .$executeRaw`UPDATE "PolicyVersion" SET "document" = '{"Version":"1999"}' WHERE "id" = ${version.id}`;
    // The stamp moves only through the tracked changes; a fresh process has nothing cached.
    const fresh = await startDecisionApi({ DATABASE_URL: t.url });
    const answer = await decision(fresh.url, w.secret, {
      action: "file:Read",
      resource: "file:///srv/a",
    });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      decision: "Deny",
      reason: "Unavailable",
      error: { code: "SERVICE_UNAVAILABLE", message: /cannot be loaded/ },
    });
    await fresh.stop();
  });
});

describe("the process", () => {
  it("serves /healthz, /readyz and the OpenAPI document", async () => {
    expect(await call(s.a.url, "/healthz")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(await call(s.a.url, "/readyz")).toMatchObject({
      status: 200,
      body: { checks: { postgres: "ok" } },
    });
    const openapi = await call<{ openapi: string; paths: Record<string, unknown> }>(
      s.a.url,
      "/v1/openapi.json",
    );
    expect(openapi.body.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.body.paths)).toContain("/v1/decisions");
  });

  it("serves Prometheus metrics: decisions by outcome and reason, latency, caches, batches", async () => {
    const w = await workspace();
    await decision(s.a.url, w.secret, { action: "db:Delete", resource: "db://x" });
    const text = await (await fetch(`${s.a.url}/metrics`)).text();
    expect(text).toMatch(/sekuire_decisions_total\{decision="Deny",reason="ExplicitDeny"\} \d+/);
    expect(text).toMatch(/sekuire_decision_duration_seconds_bucket\{le="0.01"\} \d+/);
    expect(text).toMatch(/sekuire_cache_lookups_total\{cache="config",result="(hit|miss)"\} \d+/);
    expect(text).toMatch(/sekuire_audit_batch_size_count \d+/);
    expect(text).toContain("sekuire_decision_api_process_cpu_seconds_total");
  });

  it("logs JSON lines with the request id", async () => {
    const w = await workspace();
    const answer = await decision(s.a.url, w.secret, { action: "db:Delete", resource: "db://x" });
    const id = answer.headers.get("x-request-id");
    await eventually(async () => s.a.logs.some((l) => l.requestId === id && l.msg === "decision"));
    const line = s.a.logs.find((l) => l.requestId === id && l.msg === "decision");
    expect(line).toMatchObject({ decision: "Deny", reason: "ExplicitDeny", agentId: w.agent.id });
  });

  it("on SIGTERM finishes in-flight requests, and every answered decision has its record", async () => {
    const w = await workspace();
    const p = await startDecisionApi({ DATABASE_URL: t.url });
    const calls = Array.from({ length: 60 }, (_, i) =>
      decision(p.url, w.secret, { action: "db:Delete", resource: `db://t/${i}` }).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 30));
    const code = await p.stop();
    expect(code).toBe(0);
    const answered = (await Promise.all(calls)).filter((r) => r?.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    const ids = answered.map((r) => r?.body.decisionId as string);
    const rows = await t.db.decisionLog.count({
      where: { organizationId: w.org.id, id: { in: ids } },
    });
    expect(rows).toBe(ids.length);
    expect(p.output()).toMatch(/every decision record is committed/);
  });
});
