/**
 * The console's administration flows in Chromium against the built console: the header's
 * signed-in state; renaming and deleting a workspace; freezing, deleting an agent and rotating
 * its key; four-eyes publishing decided by a second admin; admin tokens used over HTTP; an
 * invitation accepted by the invitee, who then leaves and starts an organization of their own.
 */
import { createAgent, verifyApiKey } from "@sekuire/core/agents";
import { createPolicy, publishPolicy } from "@sekuire/core/policies";
import { createWorkspace } from "@sekuire/core/workspaces";
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { seedOwnerAndViewer, seedUser, signIn } from "./signed-in";

let database: MigratedTestDatabase;
let server: Console;
let orgId: string;
let ownerId: string;
let adminId: string;
let workspaceId: string;
let policyId: string;
const SECRET = "e2e-secret-console-admin-0123456789abcdef0123456789abcd";

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const { org, owner } = await seedOwnerAndViewer(database);
  orgId = org.id;
  ownerId = owner.id;
  const admin = await seedUser(database, "second-admin@example.com");
  adminId = admin.id;
  await db.membership.create({ data: { organizationId: orgId, userId: admin.id, role: "admin" } });
  await seedUser(database, "newcomer@example.com");
  const asOwner = { kind: "user" as const, userId: owner.id };
  const workspace = await createWorkspace(db, asOwner, { organizationId: orgId, name: "Staging" });
  workspaceId = workspace.id;
  await createAgent(db, asOwner, { organizationId: orgId, workspaceId, name: "batch-bot" });
  const { policy } = await createPolicy(db, asOwner, {
    organizationId: orgId,
    templateId: "production",
  });
  policyId = policy.id;
  await publishPolicy(db, asOwner, {
    organizationId: orgId,
    policyId,
    changeNote: "First version",
  });
  server = await startConsole({
    env: (url) => ({ DATABASE_URL: database.url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: SECRET }),
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

function nav(page: Page, name: string) {
  return page
    .getByRole("complementary", { name: "Console navigation" })
    .getByRole("link", { name })
    .click();
}

describe("console administration", () => {
  it("shows who is signed in, renames and deletes a workspace, manages an agent and its keys", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await page.goto(`${server.url}/docs`);
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
      await signIn(page, server.url, "owner@example.com");
      const account = page.getByRole("banner").getByTestId("account-nav");
      await expect(account.textContent()).resolves.toContain("owner@example.com");
      await page.goto(`${server.url}/docs`);
      await account.getByRole("link", { name: "Console" }).waitFor();

      await page.goto(`${server.url}/app/${orgId}/workspaces/${workspaceId}`);
      const settings = page.getByRole("form", { name: "Workspace settings" });
      await settings.getByLabel("Name").fill("Staging EU");
      await settings.getByLabel("Slug").fill("staging-eu");
      await settings.getByRole("button", { name: "Save workspace" }).click();
      await settings.getByText("Workspace saved.").waitFor();
      await page.getByRole("heading", { level: 1, name: "Staging EU" }).waitFor();
      // The change is audited with the browser's user agent.
      const renamed = await database.db.adminAuditEvent.findFirst({
        where: { organizationId: orgId, action: "workspace.updated" },
      });
      expect(renamed?.userAgent).toContain("Chrome");
      await page.goto(`${server.url}/app/${orgId}/audit`);
      await page.getByLabel("Target type").selectOption({ label: "Workspace" });
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/targetType=workspace/);
      const row = page.getByRole("row").filter({ hasText: "workspace.updated" });
      await expect(row.textContent()).resolves.toMatch(/Chrome \d+/);
      await row.getByText("Details").click();
      await expect(row.textContent()).resolves.toContain("staging-eu");
      await page.goto(`${server.url}/app/${orgId}/workspaces/${workspaceId}`);
      // A slug that breaks the rules comes back with its field named, and nothing changes.
      await settings.getByLabel("Slug").fill("Not A Slug!");
      await settings.getByRole("button", { name: "Save workspace" }).click();
      await settings.getByRole("alert").getByText("/slug").waitFor();
      const stored = await database.db.workspace.findFirst({
        where: { id: workspaceId, organizationId: orgId },
      });
      expect(stored?.slug).toBe("staging-eu");

      // A key that expires, then rotated with a day's grace: both secrets work meanwhile.
      const agent = page.getByRole("listitem", { name: "batch-bot" });
      await agent.getByLabel("Expiry").selectOption({ label: "Expires in 30 days" });
      await agent.getByRole("button", { name: "Create API key for batch-bot" }).click();
      const first = (await agent.getByTestId("secret").textContent()) ?? "";
      expect(first).toMatch(/^sek_live_/);
      const keys = agent.getByRole("list", { name: "API keys of batch-bot" });
      await keys.getByText(/expires/).waitFor();
      await keys.getByLabel("Grace period").selectOption({ label: "Old key works 1 more day" });
      await keys.getByRole("button", { name: "Rotate" }).click();
      await keys.getByText("rotating").waitFor();
      const second = (await keys.getByTestId("secret").textContent()) ?? "";
      expect(second).toMatch(/^sek_live_/);
      expect(second).not.toBe(first);
      await expect(keys.getByText("active", { exact: true }).count()).resolves.toBe(1);
      expect((await verifyApiKey(database.db, first)).valid).toBe(true);
      expect((await verifyApiKey(database.db, second)).valid).toBe(true);
      await screenshot(page, "app-agent-keys", true);

      // The workspace's kill switch asks first, shows a banner, and comes off in one click.
      await page.getByRole("button", { name: "Freeze workspace…" }).click();
      await page.getByRole("button", { name: "Freeze workspace", exact: true }).click();
      await page.getByRole("status").getByText("Every decision for every agent").waitFor();
      await page
        .getByRole("status")
        .getByText(/Frozen by owner <owner@example\.com> on /)
        .waitFor();
      const frozenWorkspace = await database.db.workspace.findFirst({
        where: { id: workspaceId, organizationId: orgId },
      });
      expect(frozenWorkspace?.frozen).toBe(true);
      await page.getByRole("button", { name: "Unfreeze workspace" }).click();
      await page.getByRole("button", { name: "Freeze workspace…" }).waitFor();
      const thawed = await database.db.workspace.findFirst({
        where: { id: workspaceId, organizationId: orgId },
      });
      expect(thawed?.frozen).toBe(false);

      // The agent's kill switch asks first, says who froze it, and comes off in one click.
      await agent.getByRole("button", { name: "Freeze…" }).click();
      await agent.getByRole("button", { name: "Freeze agent" }).click();
      await agent
        .getByText(/^Frozen by owner <owner@example\.com> on .*: every decision is Deny$/)
        .waitFor();
      expect(
        (await database.db.agent.findFirst({ where: { organizationId: orgId, name: "batch-bot" } }))
          ?.frozen,
      ).toBe(true);
      await agent.getByRole("button", { name: "Unfreeze" }).click();
      await agent.getByText("Active", { exact: true }).waitFor();

      // Deleting the agent asks first, then its keys stop working.
      await agent.getByRole("button", { name: "Delete…" }).click();
      await agent.getByRole("button", { name: "Delete agent and keys" }).click();
      await page.getByText("No agents yet.").waitFor();
      expect((await verifyApiKey(database.db, second)).valid).toBe(false);

      // Deleting the workspace needs its slug typed.
      const remove = page.getByRole("form", { name: "Delete workspace" });
      const button = remove.getByRole("button", { name: "Delete workspace" });
      await expect(button.isDisabled()).resolves.toBe(true);
      await remove.getByLabel(/to confirm/).fill("staging-eu");
      await expect(button.isDisabled()).resolves.toBe(false);
      await button.click();
      await page.waitForURL(new RegExp(`/app/${orgId}/workspaces\\?deleted=staging-eu`));
      await page.getByRole("status").getByText("was deleted").waitFor();
      expect(
        await database.db.workspace.count({ where: { id: workspaceId, organizationId: orgId } }),
      ).toBe(0);

      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${server.url}/`);
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it("holds a publish for a second admin under four eyes", async () => {
    const owner = await startBrowser();
    const admin = await startBrowser();
    try {
      const { page } = owner;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/workspaces`);
      await nav(page, "Settings");
      const fourEyes = page.getByRole("form", { name: "Four-eyes publishing" });
      await fourEyes.getByRole("button", { name: "Require a second admin" }).click();
      await fourEyes.getByText("Four eyes on").waitFor();
      const org = await database.db.organization.findUnique({ where: { id: orgId } });
      expect(org?.requireFourEyes).toBe(true);

      // The owner's publish becomes a request; they may withdraw it, not approve it.
      await page.goto(`${server.url}/app/${orgId}/policies/${policyId}`);
      await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
      // CodeMirror renders only the lines in view: go to the end, where the limits are.
      await page.locator(".cm-line").first().click();
      await page.keyboard.press("Control+End");
      await page.locator(".cm-line", { hasText: '"MaxConcurrentRequests": 5' }).click();
      await page.keyboard.press("End");
      await page.keyboard.press("Backspace");
      await page.keyboard.type("3");
      // Unsaved until Ctrl+S saves the draft.
      await page.getByTestId("unsaved").waitFor();
      await page.keyboard.press("Control+s");
      await page.getByTestId("policy-result").getByText("Draft saved.").waitFor();
      await page.getByTestId("unsaved").waitFor({ state: "detached" });
      await page.getByLabel("Change note").fill("Three concurrent requests at most");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByTestId("policy-result").getByText("Sent for approval").waitFor();
      await page.reload();
      const requests = page.getByRole("list", { name: "Publish requests" });
      await requests.getByText("Three concurrent requests at most").waitFor();
      await requests.getByRole("button", { name: "Withdraw request" }).waitFor();
      await expect(requests.getByRole("button", { name: /Approve/ }).count()).resolves.toBe(0);
      await nav(page, "Policies");
      await page
        .getByRole("list", { name: "Policies" })
        .getByText("Waiting for approval")
        .waitFor();

      // The second admin sees what would change and approves it.
      await signIn(admin.page, server.url, "second-admin@example.com");
      await admin.page.goto(`${server.url}/app/${orgId}/policies/${policyId}`);
      const pending = admin.page.getByRole("list", { name: "Publish requests" });
      const diff = pending.getByTestId("diff");
      await expect(diff.textContent()).resolves.toContain('"MaxConcurrentRequests": 3');
      await expect(diff.textContent()).resolves.toContain('"MaxConcurrentRequests": 5');
      await expect(pending.textContent()).resolves.toContain("owner@example.com");
      await screenshot(admin.page, "app-publish-request", true);
      await pending.getByLabel("Note (optional)").fill("Looks right");
      await pending.getByRole("button", { name: "Approve and publish" }).click();
      await admin.page.getByRole("status").getByText("Approved: version 2 is live.").waitFor();
      await expect(
        admin.page.getByRole("list", { name: "Publish requests" }).count(),
      ).resolves.toBe(0);
      const version = await database.db.policyVersion.findFirst({
        where: { organizationId: orgId, policyId, number: 2 },
      });
      expect(version?.createdById).toBe(ownerId);
      expect(version?.approvedById).toBe(adminId);
      expect(version?.document).toContain('"MaxConcurrentRequests": 3');
    } finally {
      await owner.close();
      await admin.close();
    }
  });

  it("creates an admin token that works over HTTP until revoked; a viewer sees settings read-only", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/settings`);
      const form = page.getByRole("form", { name: "Create admin token" });
      await form.getByLabel("Token name").fill("ci-deploy");
      await form.getByLabel("Token role").selectOption("admin");
      await form.getByRole("button", { name: "Create token" }).click();
      const secret = (await form.getByTestId("secret").textContent()) ?? "";
      expect(secret).toMatch(/^sek_admin_/);
      await page.getByRole("list", { name: "Admin tokens" }).getByText("ci-deploy").waitFor();
      // No expiry chosen: the form's default, 90 days, shows in the list.
      const row = page
        .getByRole("list", { name: "Admin tokens" })
        .getByRole("listitem")
        .filter({ hasText: "ci-deploy" });
      await row.getByText(/ · expires /).waitFor();
      await screenshot(page, "app-settings", true);

      const list = () =>
        fetch(
          `${server.url}/api/trpc/policies.list?input=${encodeURIComponent(
            JSON.stringify({ organizationId: orgId }),
          )}`,
          { headers: { Authorization: `Bearer ${secret}` } },
        );
      const ok = await list();
      expect(ok.status).toBe(200);
      expect(JSON.stringify(await ok.json())).toContain(policyId);

      await page.getByRole("form", { name: "Revoke token ci-deploy" }).getByRole("button").click();
      await page.getByRole("list", { name: "Admin tokens" }).getByText("revoked").waitFor();
      expect((await list()).status).toBe(401);

      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${server.url}/`);
      await signIn(page, server.url, "viewer@example.com");
      await page.goto(`${server.url}/app/${orgId}/settings`);
      await page.getByText("Only an owner can change this.").waitFor();
      await expect(page.getByRole("form", { name: "Create admin token" }).count()).resolves.toBe(0);
      await expect(page.getByRole("form", { name: "Organization name" }).count()).resolves.toBe(0);
    } finally {
      await browser.close();
    }
  });

  it("lets an invitee accept by the link, then leave", async () => {
    const owner = await startBrowser();
    const invitee = await startBrowser();
    try {
      await signIn(owner.page, server.url, "owner@example.com");
      await owner.page.goto(`${server.url}/app/${orgId}/members`);
      const invite = owner.page.getByRole("form", { name: "Invite" });
      await invite.getByLabel("Email").fill("newcomer@example.com");
      await invite.getByLabel("Role").selectOption("approver");
      await invite.getByRole("button", { name: "Invite" }).click();
      const link = (await owner.page.getByTestId("invitation-link").textContent()) ?? "";

      // Following the link signed out asks for sign-in first, then lands in the organization.
      const { page } = invitee;
      await page.goto(link);
      await page.waitForURL(/\/sign-in\?callbackUrl=/);
      await page.getByLabel("Email").fill("newcomer@example.com");
      await page.getByLabel("Password").fill("correct horse battery staple");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${server.url}/app/${orgId}/workspaces`);
      await page.getByText("Your role:").getByText("approver").waitFor();
      // The link is single-use.
      await page.goto(link);
      await page.getByText("This invitation has already been used.").waitFor();

      await page.getByRole("link", { name: "Go to your organizations" }).click();
      await page.getByRole("list", { name: "Organizations" }).getByText("Acme Robotics").click();
      await nav(page, "Members");
      await page.getByRole("button", { name: "Leave organization" }).click();
      await page.waitForURL(`${server.url}/app`);
      await page
        .getByText("You do not belong to any organization yet.", { exact: false })
        .waitFor();
      // …and can start an organization of their own.
      const create = page.getByRole("form", { name: "Create organization" });
      await create.getByLabel("Organization name").fill("Newcomer Labs");
      await create.getByRole("button", { name: "Create organization" }).click();
      await page.waitForURL(/\/app\/org_[^/]+\/workspaces$/);
      await page.getByText("Your role:").getByText("owner").waitFor();
      await owner.page.reload();
      await expect(
        owner.page.getByRole("list", { name: "Members" }).textContent(),
      ).resolves.not.toContain("newcomer@example.com");
    } finally {
      await owner.close();
      await invitee.close();
    }
  });
});
