/**
 * The signed-in console in Chromium against the built console (`next start`), with its own
 * migrated database: an owner creates a workspace; a viewer sees no write controls and the
 * server refuses a write anyway.
 */
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { HttpClient } from "./http-client";
import { PASSWORD, seedOwnerAndViewer, signIn } from "./signed-in";

let database: MigratedTestDatabase;
let server: Console;
let orgId: string;
const SECRET = "e2e-secret-console-app-0123456789abcdef0123456789";

beforeAll(async () => {
  database = await createTestDatabase();
  const { org } = await seedOwnerAndViewer(database);
  orgId = org.id;
  server = await startConsole({
    env: (url) => ({ DATABASE_URL: database.url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: SECRET }),
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("signed-in console", () => {
  it("lets an owner create a workspace from an empty state", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page
        .getByRole("list", { name: "Organizations" })
        .getByRole("link", { name: "Acme Robotics" })
        .click();
      await page.waitForURL(`${server.url}/app/${orgId}/workspaces`);
      await page.getByText("No workspaces yet").waitFor();
      await expect(page.getByLabel("Organization").inputValue()).resolves.toBe(orgId);
      await screenshot(page, "app-workspaces-empty");
      const form = page.getByRole("form", { name: "Create workspace" });
      await form.getByLabel("Name").fill("Production Agents");
      await expect(form.getByLabel("Slug").inputValue()).resolves.toBe("production-agents");
      await form.getByRole("button", { name: "Create workspace" }).click();
      const list = page.getByRole("list", { name: "Workspaces" });
      await list.getByText("Production Agents").waitFor();
      await list.getByText("No policy: every request denied").waitFor();
      await expect(list.textContent()).resolves.toContain("production-agents");
      await screenshot(page, "app-workspaces");
      // A duplicate slug is refused with the server's message.
      await form.getByLabel("Name").fill("Production Agents");
      await form.getByRole("button", { name: "Create workspace" }).click();
      await form.getByRole("alert").waitFor();

      // A policy from the production template: a mistake underlined, fixed, saved, published.
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Policies" })
        .click();
      await page.getByText("No policies yet").waitFor();
      await page.getByRole("link", { name: "New policy" }).click();
      await page.getByRole("list", { name: "Templates" }).waitFor();
      await screenshot(page, "app-policy-templates");
      await page.getByRole("radio", { name: "Template: Production Policy" }).check();
      await page.getByRole("button", { name: "Create policy" }).click();
      await page.waitForURL(new RegExp(`/app/${orgId}/policies/pol_`));
      await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
      const save = page.getByRole("button", { name: "Save draft" });
      await expect(save.isDisabled()).resolves.toBe(false);
      const line = page.locator(".cm-line", { hasText: '"Effect": "Deny"' });
      await line.click();
      await page.keyboard.press("End");
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Delete");
      const mark = page.locator(".cm-lintRange-error", { hasText: "Efect" });
      await mark.waitFor();
      const item = page.locator('[data-testid="findings"] [data-code="UnknownField"]');
      await expect(item.textContent()).resolves.toContain("did you mean `Effect`");
      await expect(save.isDisabled()).resolves.toBe(true);
      await page.mouse.move(0, 0);
      await screenshot(page, "app-policy-error");
      await page.keyboard.type("f");
      await page.locator(".cm-lintRange-error").first().waitFor({ state: "detached" });
      await page.waitForFunction(
        () => !(document.querySelector("button[title='Fix the errors before saving.']") ?? null),
      );
      await save.click();
      await expect(page.getByTestId("policy-result").textContent()).resolves.toContain(
        "Draft saved.",
      );
      await page.getByLabel("Change note").fill("First production policy");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByTestId("policy-result").getByText("Published version 1.").waitFor();

      // The simulator beside the editor decides a request.
      const sim = page.getByTestId("simulator");
      await sim.locator('input[name="action"]').fill("db:Delete");
      await sim.locator('input[name="resource"]').fill("db://production/users");
      await sim.locator('textarea[name="context"]').fill("");
      await sim.getByRole("button", { name: "Simulate" }).click();
      await page.getByTestId("sim-result").waitFor();
      expect(await page.getByTestId("decision").textContent()).toBe("Deny");
      await screenshot(page, "app-policy");
      // Version 2, the side-by-side diff against version 1, and restoring version 1.
      await page.locator(".cm-line", { hasText: '"MaxConcurrentRequests": 5' }).click();
      await page.keyboard.press("End");
      await page.keyboard.press("Backspace");
      await page.keyboard.type("4");
      await page.getByLabel("Change note").fill("Fewer concurrent requests");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByTestId("policy-result").getByText("Published version 2.").waitFor();
      await page.getByRole("link", { name: "Compare with v1" }).click();
      const diff = page.getByTestId("diff");
      await diff.waitFor();
      await expect(diff.textContent()).resolves.toContain('"MaxConcurrentRequests": 4');
      expect(await diff.locator("td.bg-red-50").first().textContent()).toContain(
        '"MaxConcurrentRequests": 5',
      );
      await diff.scrollIntoViewIfNeeded();
      await screenshot(page, "app-policy-diff");
      await page.getByRole("button", { name: "Restore version 1" }).click();
      await page.getByText("Version 1 was restored as the draft.").waitFor();
      await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
      const draft = await database.db.policy.findFirstOrThrow({ where: { organizationId: orgId } });
      expect(draft.draftDocument).toContain('"MaxConcurrentRequests": 5');
      // CodeMirror renders only the lines near the viewport: scroll to the limits first.
      await page.locator(".cm-scroller").evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      });
      await page.locator(".cm-line", { hasText: '"MaxConcurrentRequests": 5' }).waitFor();
      const stored = await database.db.policyVersion.count({ where: { organizationId: orgId } });
      expect(stored).toBe(2);

      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Policies" })
        .click();
      await page.getByRole("list", { name: "Policies" }).getByText("Version 2").waitFor();
      await screenshot(page, "app-policies");

      // Assign it to the workspace (following the latest version) and read the effective limits.
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Workspaces" })
        .click();
      await page
        .getByRole("list", { name: "Workspaces" })
        .getByRole("link", { name: "Production Agents" })
        .click();
      await page.getByText("No policy is assigned").waitFor();
      const assign = page.getByRole("form", { name: "Assign a policy" });
      await assign.getByLabel("Policy").selectOption({ label: "Production Policy" });
      await assign.getByLabel("Version").selectOption({ label: "Follow the latest published" });
      await assign.getByRole("button", { name: "Assign" }).click();
      const assigned = page.getByRole("list", { name: "Assigned policies" });
      await assigned.getByText("Follows the latest published version · live: version 2").waitFor();
      const limits = page.getByTestId("effective-limits");
      await limits.getByText("Max tokens").waitFor();
      const limitsText = await limits.textContent();
      expect(limitsText).toContain("10,000");
      expect(limitsText).toContain("$5.00");
      expect(limitsText).toContain("300 s");
      await screenshot(page, "app-workspace", true);

      // An agent and an API key: the secret is shown once, then only prefix…last four.
      const agentForm = page.getByRole("form", { name: "Create agent" });
      await agentForm.getByLabel("Agent name").fill("support-bot");
      await agentForm.getByRole("button", { name: "Create agent" }).click();
      await page.getByRole("list", { name: "Agents" }).getByText("support-bot").waitFor();
      await page.getByRole("button", { name: "Create API key for support-bot" }).click();
      const secret = (await page.getByTestId("secret").textContent()) ?? "";
      expect(secret).toMatch(/^sek_/);
      await expect(page.getByTestId("new-key").textContent()).resolves.toContain(
        `Authorization: Bearer ${secret}`,
      );
      const keys = page.getByRole("list", { name: "API keys of support-bot" });
      const display = `${secret.slice(0, 12)}`;
      await keys.getByText(display, { exact: false }).waitFor();
      expect(await keys.textContent()).toContain(secret.slice(-4));
      expect(await keys.textContent()).not.toContain(secret);
      await page.getByTestId("new-key").scrollIntoViewIfNeeded();
      await screenshot(page, "app-api-key");
      await page.reload();
      await keys.waitFor();
      expect(await page.getByTestId("new-key").count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      await keys.getByRole("button", { name: "Revoke" }).click();
      await keys.getByText("revoked").waitFor();

      // The audit trail, filtered to policy events.
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Audit trail" })
        .click();
      const events = page.getByRole("table", { name: "Audit events" });
      await events.getByText("workspace.created").waitFor();
      await screenshot(page, "app-audit");
      await page.getByLabel("Action").fill("policy.");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/action=policy\./);
      await events.getByText("policy.published").first().waitFor();
      expect(await events.getByText("workspace.created").count()).toBe(0);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${server.url}/`);
    } finally {
      await browser.close();
    }
  });

  it("shows a viewer no write controls, and the server refuses a write", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "viewer@example.com");
      await page.goto(`${server.url}/app/${orgId}/workspaces`);
      await page.getByRole("heading", { name: "Workspaces" }).waitFor();
      await expect(page.getByRole("form", { name: "Create workspace" }).count()).resolves.toBe(0);
      await screenshot(page, "app-workspaces-viewer");
      // The policy opens read only: no Save draft, no Publish.
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Policies" })
        .click();
      await expect(page.getByRole("link", { name: "New policy" }).count()).resolves.toBe(0);
      await page.getByRole("list", { name: "Policies" }).getByRole("link").first().click();
      await page.locator('[data-testid="validator"][data-ready="true"]').waitFor();
      await page.getByText("Read only: your role cannot change policies.").waitFor();
      await expect(page.getByRole("button", { name: "Save draft" }).count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Publish" }).count()).resolves.toBe(0);
      await page.goto(`${server.url}/app/${orgId}/audit`);
      await page.getByText("Only owners and admins can read the audit trail.").waitFor();
    } finally {
      await browser.close();
    }
    const http = new HttpClient(server.url);
    expect((await http.signInWithPassword("viewer@example.com", PASSWORD)).error).toBeNull();
    const res = await http.request("/api/trpc/workspaces.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ organizationId: orgId, name: "Sneaky" }),
    });
    expect(res.status).toBe(403);
    expect(
      await database.db.workspace.count({ where: { organizationId: orgId, name: "Sneaky" } }),
    ).toBe(0);
  });

  it("answers an unknown organization with not found", async () => {
    const http = new HttpClient(server.url);
    await http.signInWithPassword("owner@example.com", PASSWORD);
    const res = await http.request("/app/org_doesnotexist/workspaces");
    expect(res.status).toBe(404);
  });
});
