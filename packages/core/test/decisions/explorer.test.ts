/**
 * The decision explorer's reads against a real database, with records made by the real decision
 * path (recordDecisions: decide, recordOf, the group-commit chain): filters with their matching
 * rules, newest-first keyset pages, one record with everything, the dashboard's aggregates, the
 * export under the same filters, and tenant isolation (org A's admin reads nothing of org B's).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  decisionStats,
  exportDecisionPage,
  getDecision,
  listDecisions,
  verifyChain,
} from "../../src/decisions/index.js";
import {
  expectAppError,
  liveWorkspace,
  recordDecisions,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();
const NOW = new Date("2026-12-07T12:30:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const POLICY = JSON.stringify({
  Version: "2024-12-02",
  Statement: [
    { Sid: "Read", Effect: "Allow", Action: "file:Read", Resource: "file:///srv/*" },
    { Sid: "NoDelete", Effect: "Deny", Action: "file:Delete", Resource: "*" },
    { Sid: "Deploy", Effect: "Allow", Action: "file:Write", Resource: "file:///srv/*" },
  ],
  RequireApproval: { Actions: ["file:Write"], ApproverRole: "admin", TimeoutSeconds: 600 },
  AuditLog: {
    Required: true,
    RetentionDays: 30,
    Include: ["all_actions", "outcomes", "resources", "context"],
  },
});

type Live = Awaited<ReturnType<typeof liveWorkspace>>;
let a: Live;
let b: Live;
let bDecisionId: string;

beforeAll(async () => {
  a = await liveWorkspace(t.db, POLICY);
  b = await liveWorkspace(t.db, POLICY);
  await recordDecisions(t.db, a.secret, [
    { action: "file:Read", resource: "file:///srv/a.txt", at: minutesAgo(180) },
    { action: "file:Read", resource: "file:///srv/a_b.txt", at: minutesAgo(120) },
    { action: "file:Delete", resource: "file:///srv/a.txt", at: minutesAgo(90) },
    { action: "file:Delete", resource: "file:///tmp/x", at: minutesAgo(60) },
    { action: "file:Write", resource: "file:///srv/deploy.yaml", at: minutesAgo(30) },
    { action: "db:Drop", resource: "db://prod/users", at: minutesAgo(10) },
  ]);
  const [recorded] = await recordDecisions(t.db, b.secret, [
    { action: "file:Delete", resource: "file:///srv/secret", at: minutesAgo(5) },
  ]);
  bDecisionId = recorded?.id ?? "";
});

const list = (filters: Record<string, unknown> = {}) =>
  listDecisions(t.db, a.org.admin, { organizationId: a.org.id, ...filters });

describe("listDecisions", () => {
  it("lists the organization's records newest first, with names", async () => {
    const page = await list();
    expect(page.items.map((i) => i.action)).toEqual([
      "db:drop",
      "file:write",
      "file:delete",
      "file:delete",
      "file:read",
      "file:read",
    ]);
    expect(page.items[0]).toMatchObject({ agentName: "bot", workspaceName: "production" });
    expect(page.nextCursor).toBeNull();
  });

  it("filters exactly, by prefix with a trailing *, and by time", async () => {
    const actions = async (filters: Record<string, unknown>) =>
      (await list(filters)).items.map((i) => `${i.action} ${i.resource}`);
    expect(await actions({ decision: "Deny" })).toHaveLength(3);
    expect(await actions({ reason: "ExplicitDeny" })).toHaveLength(2);
    expect(await actions({ action: "File:*" })).toHaveLength(5);
    expect(await actions({ action: "file:read" })).toHaveLength(2);
    expect(await actions({ resource: "file:///srv/*" })).toHaveLength(4);
    // % and _ are literal, not LIKE's wildcards.
    expect(await actions({ resource: "file:///srv/a_*" })).toEqual([
      "file:read file:///srv/a_b.txt",
    ]);
    expect(await actions({ resource: "file:///%*" })).toEqual([]);
    expect(await actions({ resource: "file:///tmp/x" })).toEqual(["file:delete file:///tmp/x"]);
    expect(
      await actions({ from: minutesAgo(95).toISOString(), to: minutesAgo(30).toISOString() }),
    ).toEqual(["file:delete file:///tmp/x", "file:delete file:///srv/a.txt"]);
    expect(await actions({ agentId: a.agent.id, workspaceId: a.org.workspace })).toHaveLength(6);
  });

  it("pages by keyset without skipping or repeating", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["6", "5", "4", "3", "2", "1"]);
  });

  it("names the field a bad filter is in", async () => {
    const pointers = async (filters: Record<string, unknown>) =>
      (await expectAppError(list(filters), "BAD_REQUEST")).details?.map((d) => d.pointer);
    expect(await pointers({ action: "file:*:x*" })).toEqual(["/action"]);
    expect(await pointers({ decision: "Maybe" })).toEqual(["/decision"]);
    expect(await pointers({ from: "yesterday" })).toEqual(["/from"]);
    expect(
      await pointers({ from: minutesAgo(1).toISOString(), to: minutesAgo(2).toISOString() }),
    ).toEqual(["/to"]);
    expect(await pointers({ cursor: "garbage" })).toEqual(["/cursor"]);
  });

  it("is an admin's: a viewer is refused", async () => {
    await expectAppError(
      listDecisions(t.db, a.org.viewer, { organizationId: a.org.id }),
      "FORBIDDEN",
    );
  });
});

describe("getDecision", () => {
  it("gives every field, with the matched statements' policy versions", async () => {
    const [denied] = (await list({ action: "file:delete", resource: "file:///srv/*" })).items;
    const record = await getDecision(t.db, a.org.admin, {
      organizationId: a.org.id,
      decisionId: denied?.id ?? "",
    });
    expect(record).toMatchObject({
      decision: "Deny",
      reason: "ExplicitDeny",
      resource: "file:///srv/a.txt",
      agentId: a.agent.id,
      workspaceId: a.org.workspace,
      seq: "3",
    });
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.matched).toEqual([
      expect.objectContaining({
        policyId: a.policyId,
        policyName: "Live",
        versionNumber: 1,
        sid: "NoDelete",
        effect: "Deny",
      }),
    ]);
  });
});

describe("tenant isolation", () => {
  it("org A's admin cannot list, open or export org B's records", async () => {
    const admin = a.org.admin;
    // B's organization: A's admin is no member there, so to them it does not exist.
    await expectAppError(listDecisions(t.db, admin, { organizationId: b.org.id }), "NOT_FOUND");
    await expectAppError(
      getDecision(t.db, admin, { organizationId: b.org.id, decisionId: bDecisionId }),
      "NOT_FOUND",
    );
    await expectAppError(
      exportDecisionPage(t.db, admin, { organizationId: b.org.id }),
      "NOT_FOUND",
    );
    // B's ids under A's organization: not found, never an empty success that leaks existence.
    await expectAppError(
      getDecision(t.db, admin, { organizationId: a.org.id, decisionId: bDecisionId }),
      "NOT_FOUND",
    );
    await expectAppError(list({ workspaceId: b.org.workspace }), "NOT_FOUND");
    await expectAppError(
      exportDecisionPage(t.db, admin, { organizationId: a.org.id, workspaceId: b.org.workspace }),
      "NOT_FOUND",
    );
    await expectAppError(
      decisionStats(t.db, admin, { organizationId: a.org.id, workspaceId: b.org.workspace }),
      "NOT_FOUND",
    );
    // B's agent under A's organization matches nothing of B's.
    expect((await list({ agentId: b.agent.id })).items).toEqual([]);
    const everything = await exportDecisionPage(t.db, admin, { organizationId: a.org.id });
    expect(everything.lines.map((l) => l.organizationId)).toEqual(
      Array(6).fill(a.org.id) as string[],
    );
  });
});

describe("the export under the explorer's filters", () => {
  it("holds the same records as the list, oldest first", async () => {
    const page = await exportDecisionPage(t.db, a.org.admin, {
      organizationId: a.org.id,
      decision: "Deny",
      resource: "file:///*",
    });
    expect(page.lines.map((l) => l.resource)).toEqual(["file:///srv/a.txt", "file:///tmp/x"]);
  });
});

describe("decisionStats", () => {
  it("counts per hour by outcome and ranks the denied actions", async () => {
    const stats = await decisionStats(
      t.db,
      a.org.admin,
      { organizationId: a.org.id, workspaceId: a.org.workspace },
      NOW,
    );
    expect(stats.buckets).toHaveLength(24);
    expect(stats.to.toISOString()).toBe("2026-12-07T13:00:00.000Z");
    expect(stats.totals).toEqual({ Allow: 2, Deny: 3, RequireApproval: 1 });
    const last = stats.buckets.at(-1);
    expect(last).toMatchObject({ Allow: 0, Deny: 1, RequireApproval: 1 }); // 12:00–13:00
    expect(stats.topDenied).toEqual([
      { action: "file:delete", count: 2 },
      { action: "db:drop", count: 1 },
    ]);
    const week = await decisionStats(
      t.db,
      a.org.admin,
      { organizationId: a.org.id, workspaceId: a.org.workspace, range: "7d" },
      NOW,
    );
    expect(week.buckets).toHaveLength(7);
    expect(week.buckets.at(-1)).toMatchObject({ Allow: 2, Deny: 3, RequireApproval: 1 });
  });

  it("the chain of records made this way verifies", async () => {
    expect(
      await verifyChain(t.db, a.org.admin, {
        organizationId: a.org.id,
        workspaceId: a.org.workspace,
      }),
    ).toEqual({ ok: true, records: 6 });
  });
});
