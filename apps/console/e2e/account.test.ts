/**
 * The account page in Chromium: changing the password (a wrong current one is refused and
 * counted) ends every other session at once; "sign out everywhere else" does the same on demand.
 */
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { HttpClient } from "./http-client";
import { PASSWORD, seedOwnerAndViewer, signIn } from "./signed-in";

const SECRET = "e2e-secret-console-account-0123456789abcdef0123456789ab";
const NEW_PASSWORD = "a brand new passphrase";

let database: MigratedTestDatabase;
let server: Console;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await seedOwnerAndViewer(database)).org.id;
  server = await startConsole({
    env: (url) => ({ DATABASE_URL: database.url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: SECRET }),
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function expectSignedOut(page: Page) {
  await page.goto(`${server.url}/app/${orgId}/workspaces`);
  await page.waitForURL(/\/sign-in\?callbackUrl=/);
}

describe("account", () => {
  it("ends the other sessions when the password changes, or when asked", async () => {
    const here = await startBrowser();
    const elsewhere = await startBrowser();
    try {
      const { page } = here;
      await signIn(page, server.url, "owner@example.com");
      await signIn(elsewhere.page, server.url, "owner@example.com");
      await page.getByRole("banner").getByRole("link", { name: "owner@example.com" }).click();
      await page.waitForURL(`${server.url}/account`);
      await page.getByText("You have 2 open sessions").waitFor();

      const form = page.getByRole("form", { name: "Password" });
      await form.getByLabel("Current password").fill("not my password");
      await form.getByLabel("New password").fill(NEW_PASSWORD);
      await form.getByRole("button", { name: "Change password" }).click();
      await form.getByRole("alert").getByText("/current").waitFor();
      await expect(form.getByRole("alert").textContent()).resolves.toContain(
        "Your current password is not right.",
      );
      const failures = await database.db.signInAttempt.count({
        where: { email: "owner@example.com", success: false },
      });
      expect(failures).toBe(1);

      await form.getByLabel("Current password").fill(PASSWORD);
      await form.getByLabel("New password").fill(NEW_PASSWORD);
      await form.getByRole("button", { name: "Change password" }).click();
      await form.getByText("Password changed. 1 other session ended.").waitFor();
      await screenshot(page, "app-account");
      await expectSignedOut(elsewhere.page);
      await page.goto(`${server.url}/app/${orgId}/workspaces`);
      await page.getByRole("heading", { name: "Workspaces" }).waitFor();

      const http = new HttpClient(server.url);
      expect((await http.signInWithPassword("owner@example.com", PASSWORD)).error).toBe(
        "Wrong email or password.",
      );
      expect((await http.signInWithPassword("owner@example.com", NEW_PASSWORD)).error).toBeNull();
      const changed = await database.db.adminAuditEvent.count({
        where: { organizationId: orgId, action: "auth.password_changed" },
      });
      expect(changed).toBe(1);

      // Signing out everywhere else ends the HTTP client's session too, and keeps this one.
      await page.goto(`${server.url}/account`);
      await page
        .getByRole("form", { name: "Sessions" })
        .getByRole("button", { name: "Sign out everywhere else" })
        .click();
      await page.getByText("1 other session ended.").waitFor();
      await page.getByText("This browser is your only open session.").waitFor();
      expect((await http.session()).user).toBeUndefined();
      await page.goto(`${server.url}/app/${orgId}/workspaces`);
      await page.getByRole("heading", { name: "Workspaces" }).waitFor();
    } finally {
      await here.close();
      await elsewhere.close();
    }
  });
});
