/**
 * The approval loop in Chromium, with the real decision API, worker and an SMTP sink: an agent's
 * request mails the approvers; every link in the mail fetched as a scanner would changes
 * nothing; the approver opens it, approves with a comment, the agent's long-poll answers and
 * one Allow follows. The inbox: pending first with time left, read-only for a viewer, new
 * requests without a reload, history with who and why, and the count in the navigation.
 */
import { randomUUID } from "node:crypto";
import { createAgent, createApiKey } from "@sekuire/core/agents";
import { assignPolicy, createPolicy, publishPolicy } from "@sekuire/core/policies";
import { createWorkspace } from "@sekuire/core/workspaces";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import { type SmtpSink, startSmtpSink } from "@sekuire/email/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, startBackend } from "./backends";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { seedOwnerAndViewer, seedUser, signIn } from "./signed-in";

const SECRET = "e2e-secret-approvals-0123456789abcdef0123456789abcdef0123";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const POLICY = JSON.stringify({
  Version: "2024-12-02",
  Statement: [{ Sid: "Deploys", Effect: "Allow", Action: "file:Write", Resource: "file:///srv/*" }],
  RequireApproval: { Actions: ["file:Write"], ApproverRole: "admin", TimeoutSeconds: 900 },
  AuditLog: { Required: true, RetentionDays: 30, Include: ["outcomes", "resources", "context"] },
});

let database: MigratedTestDatabase;
let server: Console;
let sink: SmtpSink;
let api: Backend;
let worker: Backend;
let orgId: string;
let secret: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const { org, owner } = await seedOwnerAndViewer(database);
  orgId = org.id;
  const admin = await seedUser(database, "release-admin@example.com");
  await db.membership.create({ data: { organizationId: orgId, userId: admin.id, role: "admin" } });
  const me = { kind: "user" as const, userId: owner.id };
  const workspace = await createWorkspace(db, me, { organizationId: orgId, name: "Production" });
  const { policy } = await createPolicy(db, me, {
    organizationId: orgId,
    name: "Deploys",
    document: POLICY,
  });
  await publishPolicy(db, me, {
    organizationId: orgId,
    policyId: policy.id,
    changeNote: "v1",
    document: POLICY,
  });
  await assignPolicy(db, me, {
    organizationId: orgId,
    policyId: policy.id,
    workspaceId: workspace.id,
  });
  const agent = await createAgent(db, me, {
    organizationId: orgId,
    workspaceId: workspace.id,
    name: "deploy-bot",
  });
  secret = (await createApiKey(db, me, { organizationId: orgId, agentId: agent.id })).secret;

  sink = await startSmtpSink();
  server = await startConsole({
    env: (url) => ({ DATABASE_URL: database.url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: SECRET }),
  });
  const common = {
    DATABASE_URL: database.url,
    REDIS_URL,
    SEKUIRE_QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
  };
  [api, worker] = await Promise.all([
    startBackend("decision-api", common),
    startBackend("worker", {
      ...common,
      SMTP_URL: `smtp://${sink.host}:${sink.port}`,
      SEKUIRE_CONSOLE_URL: server.url,
      SEKUIRE_SWEEP_SECONDS: "2",
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([api?.kill(), worker?.kill(), server?.stop(), sink?.close()]);
  await database?.drop();
});

async function ask(path: string, extra: Record<string, unknown> = {}) {
  const response = await fetch(`${api.url}/v1/decisions`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({
      action: "file:Write",
      resource: `file://${path}`,
      context: { change: "CHG-42" },
      ...extra,
    }),
  });
  return (await response.json()) as { decision: string; reason: string; approval?: { id: string } };
}

const status = async (id: string) =>
  (await database.db.approvalRequest.findFirstOrThrow({ where: { organizationId: orgId, id } }))
    .status;

describe("approvals in the console", () => {
  it("mail → the link opened in the browser → approved with a comment → the poll answers → one Allow", async () => {
    const asked = await ask("/srv/release.tar");
    const id = asked.approval?.id ?? "";
    expect(asked.decision).toBe("RequireApproval");
    const mail = await sink.waitFor(
      (m) => m.to.includes("release-admin@example.com") && m.decoded.includes(id),
    );
    const link = `${server.url}/app/${orgId}/approvals/${id}`;
    expect(mail.decoded).toContain(link);

    // A scanner fetching every link in the mail, with and without following redirects: nothing changes.
    const links = [...new Set(mail.decoded.match(/https?:\/\/[^\s"<>]+/g) ?? [])];
    expect(links).toContain(link);
    for (const url of links) {
      await fetch(url, { redirect: "manual" }).catch(() => undefined);
      await fetch(url).catch(() => undefined);
    }
    expect(await status(id)).toBe("pending");

    const waiting = fetch(`${api.url}/v1/approvals/${id}?waitSeconds=30`, {
      headers: { authorization: `Bearer ${secret}` },
    }).then((r) => r.json() as Promise<{ status: string; comment?: string }>);

    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "release-admin@example.com");
      await page.goto(link);
      await page
        .getByRole("heading", { level: 1, name: "deploy-bot asks to file:write" })
        .waitFor();
      const card = page.getByRole("article", { name: `Request ${id}` });
      await card.getByText("file:///srv/release.tar").waitFor();
      await card.getByText(/CHG-42/).waitFor();
      await card.getByText(/left$/).waitFor();
      await card.getByRole("link", { name: /Deploys v1/ }).waitFor();
      await screenshot(page, "approval-request");
      // Opening the page decided nothing either.
      expect(await status(id)).toBe("pending");
      const form = page.getByRole("form", { name: "Decide this request" });
      await form.getByLabel(/Comment/).fill("Release window is open");
      await form.getByRole("button", { name: "Approve" }).click();
      // Decided: the page shows the verdict, who gave it and why, and no form any more.
      await card.getByText("This request is approved: nothing left to decide.").waitFor();
      await card.getByText(/by release-admin: “Release window is open”/).waitFor();

      expect(await waiting).toMatchObject({
        status: "approved",
        comment: "Release window is open",
      });
      const redeemed = await ask("/srv/release.tar", { approvalId: id });
      expect(redeemed).toMatchObject({ decision: "Allow", reason: "ApprovalGranted" });
      expect((await ask("/srv/release.tar", { approvalId: id })).reason).toBe("ApprovalConsumed");

      await page.goto(`${server.url}/app/${orgId}/approvals`);
      const row = page.getByRole("row").filter({ hasText: "deploy-bot" }).first();
      await expect(row.textContent()).resolves.toMatch(
        /approved, used.*release-admin.*Release window is open/,
      );
    } finally {
      await browser.close();
    }
  });

  it("the inbox: new requests appear without a reload, counted in the navigation; a viewer only reads", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/approvals`);
      await page.getByRole("heading", { level: 2, name: /Waiting/ }).waitFor();
      const asked = await ask("/srv/hotfix.patch");
      const id = asked.approval?.id ?? "";
      // No navigation: the page refreshes itself.
      const card = page.getByRole("article", { name: `Request ${id}` });
      await card.waitFor({ timeout: 15_000 });
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByText("1 waiting")
        .waitFor();
      await card.getByRole("button", { name: "Deny" }).waitFor();
      await screenshot(page, "approvals-inbox", true);
      await browser.context.clearCookies();

      await signIn(page, server.url, "viewer@example.com");
      await page.goto(`${server.url}/app/${orgId}/approvals`);
      const seen = page.getByRole("article", { name: `Request ${id}` });
      await seen.getByText(/Read-only: deciding takes the admin role/).waitFor();
      expect(await seen.getByRole("button", { name: "Approve" }).count()).toBe(0);

      await browser.context.clearCookies();
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/approvals`);
      const mine = page.getByRole("article", { name: `Request ${id}` });
      await mine.getByLabel(/Comment/).fill("Not during the freeze");
      await mine.getByRole("button", { name: "Deny" }).click();
      await page.getByRole("row").filter({ hasText: "Not during the freeze" }).waitFor();
      expect(await status(id)).toBe("denied");
      expect((await ask("/srv/hotfix.patch", { approvalId: id })).reason).toBe("ApprovalDenied");
    } finally {
      await browser.close();
    }
  });
});
