/**
 * The auditors' pages in Chromium against a real console, the real decision API (its records,
 * approvals and Redis limit counters) and Postgres: the decision explorer (filters, a bad filter
 * named, a record with its matched statement's policy version and its approval, the chain
 * verified), the export of a filtered set as CSV (formula cells defused) and JSON lines, the
 * workspace dashboard (chart totals, top denied actions, pending approvals, live limits; live
 * counters said unavailable without Redis), and the kill switch seen end to end: frozen in the
 * UI, the decision API answers Frozen, the record shows it.
 */
import { randomUUID } from "node:crypto";
import { createAgent, createApiKey } from "@sekuire/core/agents";
import { assignPolicy, createPolicy, publishPolicy } from "@sekuire/core/policies";
import { createWorkspace } from "@sekuire/core/workspaces";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { type Backend, startBackend } from "./backends";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { seedOwnerAndViewer, signIn } from "./signed-in";

const SECRET = "e2e-secret-decisions-0123456789abcdef0123456789abcdef0123";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const NASTY = '=HYPERLINK("http://evil.example","x")';
const POLICY = JSON.stringify({
  Version: "2024-12-02",
  Statement: [
    { Sid: "ReadSources", Effect: "Allow", Action: "file:Read", Resource: "file:///srv/*" },
    { Sid: "NoDeletes", Effect: "Deny", Action: "file:Delete", Resource: "*" },
    { Sid: "Deploys", Effect: "Allow", Action: "file:Write", Resource: "file:///srv/*" },
  ],
  RequireApproval: { Actions: ["file:Write"], ApproverRole: "admin", TimeoutSeconds: 900 },
  ResourceLimits: { MaxApiCallsPerHour: 100, MaxConcurrentRequests: 20, MaxCostPerHour: "$5.00" },
  AuditLog: {
    Required: true,
    RetentionDays: 30,
    Include: ["all_actions", "outcomes", "resources", "context"],
  },
});

let database: MigratedTestDatabase;
let server: Console;
let bare: Console;
let api: Backend;
let orgId: string;
let workspaceId: string;
let policyId: string;
let secret: string;
let approvalId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const { org, owner } = await seedOwnerAndViewer(database);
  orgId = org.id;
  const me = { kind: "user" as const, userId: owner.id };
  const workspace = await createWorkspace(db, me, { organizationId: orgId, name: "Production" });
  workspaceId = workspace.id;
  await createWorkspace(db, me, { organizationId: orgId, name: "Staging" });
  const { policy } = await createPolicy(db, me, {
    organizationId: orgId,
    name: "Guardrails",
    document: POLICY,
  });
  policyId = policy.id;
  await publishPolicy(db, me, {
    organizationId: orgId,
    policyId,
    changeNote: "v1",
    document: POLICY,
  });
  await assignPolicy(db, me, { organizationId: orgId, policyId, workspaceId });
  const agent = await createAgent(db, me, {
    organizationId: orgId,
    workspaceId,
    name: "deploy-bot",
  });
  secret = (await createApiKey(db, me, { organizationId: orgId, agentId: agent.id })).secret;

  const env = (url: string) => ({
    DATABASE_URL: database.url,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: SECRET,
  });
  [server, bare, api] = await Promise.all([
    startConsole({ env: (url) => ({ ...env(url), REDIS_URL }) }),
    // The same console with its Redis down (nothing listens on port 9): the dashboard must say
    // its live counters are unavailable, not show zeros.
    startConsole({ env: (url) => ({ ...env(url), REDIS_URL: "redis://127.0.0.1:9" }) }),
    startBackend("decision-api", {
      DATABASE_URL: database.url,
      REDIS_URL,
      SEKUIRE_QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
    }),
  ]);

  // The records, through the real decision API: one Allow (holding a slot, $0.25 reserved),
  // three Denies of two kinds, one RequireApproval, and a resource no URI (kept as sent) that a
  // spreadsheet would run as a formula.
  expect((await ask("file:Read", "file:///srv/app.ts", { "context.cost": 0.25 })).decision).toBe(
    "Allow",
  );
  expect((await ask("file:Delete", "file:///srv/a.txt")).reason).toBe("ExplicitDeny");
  expect((await ask("file:Delete", "file:///srv/b.txt")).reason).toBe("ExplicitDeny");
  expect((await ask("db:Drop", "db://production/users")).decision).toBe("Deny");
  const asked = await ask("file:Write", "file:///srv/deploy.yaml");
  expect(asked.decision).toBe("RequireApproval");
  approvalId = asked.approval?.id ?? "";
  expect((await ask("file:Read", NASTY)).decision).toBe("Deny");
}, 180_000);

afterAll(async () => {
  await Promise.all([api?.kill(), server?.stop(), bare?.stop()]);
  await database?.drop();
});

async function ask(action: string, resource: string, context: Record<string, unknown> = {}) {
  const response = await fetch(`${api.url}/v1/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ action, resource, context }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    decision: string;
    reason: string;
    decisionId: string;
    approval?: { id: string };
  };
}

const rowsOf = (page: Page) => page.getByRole("table", { name: "Decisions" }).locator("tbody tr");

/** A download's body, through the browser (the signed-in session's cookie goes with it). */
async function download(page: Page, link: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

describe("the decision explorer", () => {
  it("filters, opens a record with its policy version and approval, verifies the chain", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/workspaces`);
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Decisions" })
        .click();
      await page.waitForURL(`${server.url}/app/${orgId}/decisions`);
      await expect.poll(() => rowsOf(page).count()).toBe(6);

      const form = page.getByRole("form", { name: "Filter decisions" });
      await form.getByLabel("Decision").selectOption("Deny");
      await form.getByLabel("Action").fill("file:*");
      await form.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/decision=Deny/);
      await expect.poll(() => rowsOf(page).count()).toBe(3);
      await form.getByLabel("Resource").fill("file:///srv/*");
      await form.getByLabel("Workspace").selectOption({ label: "Production" });
      await form.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/resource=/);
      await expect.poll(() => rowsOf(page).count()).toBe(2);
      await screenshot(page, "decisions-filtered", true);
      expect(await seriousViolations(page)).toEqual([]);

      // A time range in the future matches nothing; a range the wrong way round is named.
      await form.getByLabel("From (UTC)").fill("2099-01-01T00:00");
      await form.getByRole("button", { name: "Filter" }).click();
      await page.getByText("No decisions match.").waitFor();
      await form.getByLabel("To (UTC)").fill("2098-01-01T00:00");
      await form.getByRole("button", { name: "Filter" }).click();
      await page.getByRole("alert").getByText("/to").waitFor();
      await page.getByRole("alert").getByText("Must be later than from.").waitFor();
      await page.goto(`${server.url}/app/${orgId}/decisions?action=file:*:x*`);
      await page.getByRole("alert").getByText("/action").waitFor();
      await page
        .getByRole("alert")
        .getByText(/Only a trailing \* is supported/)
        .waitFor();

      // One record: every field, the statement's policy version, its chain position.
      await page.goto(`${server.url}/app/${orgId}/decisions?reason=ExplicitDeny`);
      await rowsOf(page).first().getByRole("link").click();
      const fields = page.getByLabel("Decision record");
      await fields.getByText("file:///srv/b.txt", { exact: true }).waitFor();
      await fields.getByText("ExplicitDeny", { exact: true }).waitFor();
      const statement = fields
        .getByRole("list", { name: "Matched statements" })
        .getByRole("link", { name: "Guardrails v1" });
      await expect(statement.getAttribute("href")).resolves.toBe(
        `/app/${orgId}/policies/${policyId}#v1`,
      );
      await fields.getByText("NoDeletes", { exact: true }).waitFor();
      await fields.getByText(/record #3/).waitFor();
      await screenshot(page, "decision-record", true);
      expect(await seriousViolations(page)).toEqual([]);
      await statement.click();
      await page.waitForURL(`${server.url}/app/${orgId}/policies/${policyId}#v1`);
      await page.locator("li#v1").first().waitFor();

      // The RequireApproval's record links to its approval.
      await page.goto(`${server.url}/app/${orgId}/decisions?decision=RequireApproval`);
      await rowsOf(page).first().getByRole("link").click();
      const approval = page.getByLabel("Decision record").getByRole("link", { name: approvalId });
      await expect(approval.getAttribute("href")).resolves.toBe(
        `/app/${orgId}/approvals/${approvalId}`,
      );

      // Verify chain, per workspace.
      await page.goto(`${server.url}/app/${orgId}/decisions`);
      const production = page.getByRole("form", { name: "Verify the chain of Production" });
      await production.getByRole("button", { name: "Verify chain" }).click();
      await production.getByRole("status").getByText("Chain intact: 6 records verified.").waitFor();
      const staging = page.getByRole("form", { name: "Verify the chain of Staging" });
      await staging.getByRole("button", { name: "Verify chain" }).click();
      await staging.getByRole("status").getByText("Chain intact: 0 records verified.").waitFor();
      // The sticky header would sit mid-page in a full-page shot taken scrolled down.
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "decisions", true);
    } finally {
      await browser.close();
    }
  });

  it("exports the filtered set as CSV with formula cells defused, and as JSON lines", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/decisions?decision=Deny&action=file:read`);
      await expect.poll(() => rowsOf(page).count()).toBe(1);
      const csv = await download(page, "Download CSV");
      expect(csv.name).toBe("decisions.csv");
      const lines = csv.text.split("\r\n");
      expect(lines[0]).toMatch(/^id,organizationId,workspaceId,seq,time,agentId,/);
      expect(lines).toHaveLength(3); // header, one record, the final CRLF
      // The resource starts with "=": an apostrophe first, quoted for its quotes and comma.
      expect(lines[1]).toContain(`,file:read,"'=HYPERLINK(""http://evil.example"",""x"")",Deny,`);

      await page.goto(`${server.url}/app/${orgId}/decisions?decision=Deny`);
      const jsonl = await download(page, "Download JSONL");
      expect(jsonl.name).toBe("decisions.jsonl");
      const records = jsonl.text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as { decision: string; resource: string; schema: string });
      expect(records).toHaveLength(4);
      expect(records.every((r) => r.decision === "Deny")).toBe(true);
      expect(records.at(-1)?.resource).toBe(NASTY); // JSON keeps the text as it is
    } finally {
      await browser.close();
    }
  });

  it("refuses a viewer with a read-only message; the dashboard shows them only what they may read", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "viewer@example.com");
      await page.goto(`${server.url}/app/${orgId}/decisions`);
      await page
        .getByRole("alert")
        .getByText("Only owners and admins can read decision records.")
        .waitFor();
      expect(await page.getByRole("table", { name: "Decisions" }).count()).toBe(0);
      const exported = await page.request.get(
        `${server.url}/api/v1/decisions/export?organizationId=${orgId}`,
      );
      expect(exported.status()).toBe(403);
      // The dashboard: no decision numbers, but approvals and limits are a viewer's to see.
      await page.goto(`${server.url}/app/${orgId}/workspaces/${workspaceId}/dashboard`);
      await page
        .getByRole("region", { name: "Decisions over time" })
        .getByRole("alert")
        .getByText("Only owners and admins can read decision records.")
        .waitFor();
      await expect(page.getByTestId("pending-count").textContent()).resolves.toBe("1");
      await page.getByTestId("gauge-API calls").getByText("6 of 100").waitFor();
    } finally {
      await browser.close();
    }
  });
});

describe("the workspace dashboard", () => {
  it("charts the outcomes, ranks denied actions, counts approvals, shows live limits", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/workspaces/${workspaceId}`);
      await page.getByRole("link", { name: "Dashboard →" }).click();
      await page.waitForURL(`${server.url}/app/${orgId}/workspaces/${workspaceId}/dashboard`);
      await expect(page.getByTestId("outcome-totals").textContent()).resolves.toBe(
        "6 recorded: 1 Allow · 1 RequireApproval · 4 Deny",
      );
      const chart = page.getByRole("img", { name: /Recorded decisions per hour by outcome/ });
      await chart.waitFor();
      await expect.poll(() => page.getByTestId("chart-bar").count()).toBe(24);
      // The table fallback holds the same numbers: the current hour has them all.
      await page.getByText("The numbers as a table").click();
      const table = page.getByRole("table", { name: "Decisions by outcome" });
      const last = table.locator("tbody tr").last();
      await expect(last.locator("td").allTextContents()).resolves.toEqual(
        expect.arrayContaining(["1", "1", "4", "6"]),
      );
      const denied = page.getByRole("list", { name: "Top denied actions" }).getByRole("listitem");
      await expect(denied.allTextContents()).resolves.toEqual([
        "file:delete2",
        "db:drop1",
        "file:read1",
      ]);
      await expect(page.getByTestId("pending-count").textContent()).resolves.toBe("1");
      // Live from the decision API's counters: six calls, one slot held, $0.25 reserved.
      await page.getByTestId("gauge-API calls").getByText("6 of 100").waitFor();
      await page.getByTestId("gauge-Concurrency").getByText("1 of 20").waitFor();
      await page.getByTestId("gauge-Spend").getByText("$0.25 of $5.00").waitFor();
      await screenshot(page, "workspace-dashboard", true);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Last 7 days" }).click();
      await page.waitForURL(/range=7d/);
      await expect.poll(() => page.getByTestId("chart-bar").count()).toBe(7);

      // A top denied action opens the explorer filtered to it.
      await page
        .getByRole("list", { name: "Top denied actions" })
        .getByRole("link", { name: "file:delete" })
        .click();
      await page.waitForURL(/\/decisions\?/);
      await expect.poll(() => rowsOf(page).count()).toBe(2);
      // The range it came with shows in the form (UTC, as a datetime-local field takes it).
      await expect(page.getByLabel("From (UTC)").inputValue()).resolves.toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:00$/,
      );
    } finally {
      await browser.close();
    }
  });

  it("says the live counters are unavailable when Redis is down", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, bare.url, "owner@example.com");
      await page.goto(`${bare.url}/app/${orgId}/workspaces/${workspaceId}/dashboard`);
      await page.getByText(/Live counters are unavailable/).waitFor();
      expect(await page.getByTestId("gauge-API calls").count()).toBe(0);
      await expect(page.getByTestId("outcome-totals").textContent()).resolves.toMatch(
        /^6 recorded/,
      );
    } finally {
      await browser.close();
    }
  });
});

describe("the kill switch, end to end", () => {
  it("a workspace and an agent frozen in the UI are Deny Frozen at the decision API, on the record", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/workspaces/${workspaceId}`);
      await page.getByRole("button", { name: "Freeze workspace…" }).click();
      await page.getByRole("button", { name: "Freeze workspace", exact: true }).click();
      await page
        .getByRole("status")
        .getByText(/Frozen by owner <owner@example\.com> on /)
        .waitFor();
      await expect
        .poll(async () => (await ask("file:Read", "file:///srv/app.ts")).reason, {
          timeout: 10_000,
        })
        .toBe("Frozen");
      await page.getByRole("button", { name: "Unfreeze workspace" }).click();
      await page.getByRole("button", { name: "Freeze workspace…" }).waitFor();
      await expect
        .poll(async () => (await ask("file:Read", "file:///srv/app.ts")).reason, {
          timeout: 10_000,
        })
        .toBe("ExplicitAllow");

      const agent = page.getByRole("listitem", { name: "deploy-bot" });
      await agent.getByRole("button", { name: "Freeze…" }).click();
      await agent.getByRole("button", { name: "Freeze agent" }).click();
      await agent
        .getByText(/^Frozen by owner <owner@example\.com> on .*: every decision is Deny$/)
        .waitFor();
      await expect
        .poll(async () => (await ask("file:Read", "file:///srv/app.ts")).reason, {
          timeout: 10_000,
        })
        .toBe("Frozen");
      await agent.getByRole("button", { name: "Unfreeze" }).click();
      await agent.getByText("Active", { exact: true }).waitFor();

      // The Frozen answers are on the record, with the platform's reason.
      await page.goto(`${server.url}/app/${orgId}/decisions?reason=Frozen`);
      await expect.poll(() => rowsOf(page).count()).toBeGreaterThanOrEqual(2);
      await rowsOf(page).first().getByText("Frozen").waitFor();
    } finally {
      await browser.close();
    }
  });
});
