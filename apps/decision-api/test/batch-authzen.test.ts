/**
 * The many-at-once forms: /v1/decisions/batch (each decided and recorded as if alone) and
 * AuthZEN 1.0's evaluation and evaluations, mapped onto actions, resources and context keys.
 */
import { describe, expect, it } from "vitest";
import { call } from "./support/client.js";
import { document } from "./support/policies.js";
import { useTwoDecisionApis } from "./support/setup.js";

const s = useTwoDecisionApis();

describe("POST /v1/decisions/batch", () => {
  it("decides and records each request as if sent alone, limits included", async () => {
    const w = await s.workspace(document({ limits: { MaxApiCallsPerHour: 3 } }));
    const requests = [
      { action: "file:Read", resource: "file:///srv/a" },
      { action: "file:Write", resource: "file:///srv/b" },
      { action: "file:Read", resource: "file:///srv/c" },
      { action: "file:Read", resource: "file:///srv/d" },
    ];
    const answer = await call<{ decisions: Record<string, unknown>[] }>(
      s.a.url,
      "/v1/decisions/batch",
      {
        key: w.secret,
        body: { requests },
      },
    );
    expect(answer.status).toBe(200);
    const reasons = answer.body.decisions.map((d) => d.reason);
    // Three calls fit the hour, whichever three come first; the fourth is refused.
    expect(reasons.filter((r) => r === "LimitExceeded")).toHaveLength(1);
    expect(reasons.filter((r) => r === "ExplicitAllow" || r === "ApprovalRequired")).toHaveLength(
      3,
    );
    const ids = answer.body.decisions.map((d) => d.decisionId);
    expect(new Set(ids).size).toBe(4);
    const rows = await s.t.db.decisionLog.count({ where: { organizationId: w.org.id } });
    expect(rows).toBe(4);
  });

  it("refuses more than 100 requests or an empty batch, naming the field", async () => {
    const w = await s.workspace();
    const one = { action: "file:Read", resource: "file:///srv/a" };
    const many = await call(s.a.url, "/v1/decisions/batch", {
      key: w.secret,
      body: { requests: Array.from({ length: 101 }, () => one) },
    });
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.body)).toContain('"pointer":"/requests"');
    const none = await call(s.a.url, "/v1/decisions/batch", {
      key: w.secret,
      body: { requests: [] },
    });
    expect(none.status).toBe(400);
    const bad = await call(s.a.url, "/v1/decisions/batch", {
      key: w.secret,
      body: { requests: [one, { action: "file:Read" }] },
    });
    expect(JSON.stringify(bad.body)).toContain('"pointer":"/requests/1/resource"');
  });
});

/** Documents readable by their owner, by subject id; deletes always denied; shares approved. */
const AUTHZEN_POLICY = JSON.stringify({
  Version: "2024-12-02",
  Statement: [
    {
      Sid: "OwnerReads",
      Effect: "Allow",
      Action: "document:read",
      Resource: "document://*",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not JS
      Condition: { StringEquals: { "resource.owner": "${subject.id}" } },
    },
    {
      Sid: "EngineeringReadsUsers",
      Effect: "Allow",
      Action: "user:read",
      Resource: "user://*",
      Condition: { StringEquals: { "subject.department": "engineering" } },
    },
    { Sid: "NoDeletes", Effect: "Deny", Action: "document:delete", Resource: "*" },
    { Sid: "Shares", Effect: "Allow", Action: "document:share", Resource: "document://*" },
  ],
  RequireApproval: { Actions: ["document:share"], ApproverRole: "admin" },
  AuditLog: { Required: true, Include: ["all_actions", "outcomes", "resources", "context"] },
});

const alice = {
  type: "user",
  id: "alice@example.com",
  properties: { department: "engineering" },
};

describe("AuthZEN 1.0", () => {
  it("maps subject, action and resource onto action, resource and context keys", async () => {
    const w = await s.workspace(AUTHZEN_POLICY);
    const evaluate = (body: object) =>
      call<{ decision: boolean; context: Record<string, unknown> }>(
        s.b.url,
        "/access/v1/evaluation",
        { key: w.secret, body },
      );
    const own = await evaluate({
      subject: alice,
      action: { name: "read" },
      resource: { type: "document", id: "plan-7", properties: { owner: "alice@example.com" } },
    });
    expect(own.body).toMatchObject({
      decision: true,
      context: { decision: "Allow", reason: "ExplicitAllow" },
    });
    const theirs = await evaluate({
      subject: alice,
      action: { name: "read" },
      resource: { type: "document", id: "plan-8", properties: { owner: "bob@example.com" } },
    });
    expect(theirs.body).toMatchObject({ decision: false, context: { reason: "ImplicitDeny" } });
    const user = await evaluate({
      subject: alice,
      action: { name: "read" },
      resource: { type: "user", id: "bob@example.com" },
    });
    expect(user.body.decision).toBe(true);
    // The record shows the mapped request: the id percent-encoded into the resource.
    const row = await s.t.db.decisionLog.findFirstOrThrow({
      where: { organizationId: w.org.id, id: user.body.context.decisionId as string },
    });
    expect(row).toMatchObject({ action: "user:read", resource: "user://bob%40example.com" });
    expect(row.context).toMatchObject({
      subject: { id: "alice@example.com", type: "user", department: "engineering" },
    });
  });

  it("answers RequireApproval as false with the approval in context", async () => {
    const w = await s.workspace(AUTHZEN_POLICY);
    const share = await call<{ decision: boolean; context: Record<string, unknown> }>(
      s.a.url,
      "/access/v1/evaluation",
      {
        key: w.secret,
        body: {
          subject: alice,
          action: { name: "share" },
          resource: { type: "document", id: "d" },
        },
      },
    );
    expect(share.body).toMatchObject({
      decision: false,
      context: { decision: "RequireApproval", approval: { status: "pending" } },
    });
  });

  it("evaluations: request-level defaults, each entry overriding, and the three semantics", async () => {
    const w = await s.workspace(AUTHZEN_POLICY);
    const doc = { type: "document", id: "plan-7", properties: { owner: "alice@example.com" } };
    const body = (semantic?: string) => ({
      subject: alice,
      resource: doc,
      evaluations: [
        { action: { name: "read" } },
        { action: { name: "delete" } },
        { action: { name: "read" }, resource: { ...doc, properties: { owner: "bob" } } },
      ],
      ...(semantic ? { options: { evaluations_semantic: semantic } } : {}),
    });
    const many = (b: object) =>
      call<{ evaluations: { decision: boolean }[] }>(s.a.url, "/access/v1/evaluations", {
        key: w.secret,
        body: b,
      });
    const all = await many(body());
    expect(all.body.evaluations.map((e) => e.decision)).toEqual([true, false, false]);
    const firstDeny = await many(body("deny_on_first_deny"));
    expect(firstDeny.body.evaluations.map((e) => e.decision)).toEqual([true, false]);
    const firstPermit = await many(body("permit_on_first_permit"));
    expect(firstPermit.body.evaluations.map((e) => e.decision)).toEqual([true]);
    // Without evaluations: the single form's answer.
    const single = await call(s.a.url, "/access/v1/evaluations", {
      key: w.secret,
      body: { subject: alice, action: { name: "read" }, resource: doc },
    });
    expect(single.body).toMatchObject({ decision: true });
    const missing = await many({ evaluations: [{ action: { name: "read" } }] });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("/evaluations/0/subject");
  });
});
