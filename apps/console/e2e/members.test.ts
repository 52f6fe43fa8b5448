/**
 * The Members page in Chromium against the built console: an owner invites someone, sees the
 * pending invitation with its one-time link and revokes it; changes a member's role; a viewer
 * sees the list read-only.
 */
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import { type SmtpSink, startSmtpSink } from "@sekuire/email/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { seedOwnerAndViewer, seedUser, signIn } from "./signed-in";

let database: MigratedTestDatabase;
let server: Console;
let sink: SmtpSink;
let orgId: string;
let approverId: string;
const SECRET = "e2e-secret-console-members-0123456789abcdef0123456789";

beforeAll(async () => {
  database = await createTestDatabase();
  const { org } = await seedOwnerAndViewer(database);
  orgId = org.id;
  const approver = await seedUser(database, "approver@example.com");
  approverId = approver.id;
  await database.db.membership.create({
    data: { organizationId: org.id, userId: approver.id, role: "approver" },
  });
  sink = await startSmtpSink();
  server = await startConsole({
    env: (url) => ({
      DATABASE_URL: database.url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      SMTP_HOST: sink.host,
      SMTP_PORT: String(sink.port),
    }),
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await sink?.close();
});

describe("members page", () => {
  it("lets an owner invite, revoke and change a member's role", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(`${server.url}/app/${orgId}/workspaces`);
      await page
        .getByRole("complementary", { name: "Console navigation" })
        .getByRole("link", { name: "Members" })
        .click();
      await page.waitForURL(`${server.url}/app/${orgId}/members`);
      const members = page.getByRole("list", { name: "Members" });
      await members.getByText("approver@example.com").waitFor();
      await expect(members.textContent()).resolves.toContain("viewer@example.com");

      // Invite: the link is shown once, the invitation is pending, then revoked.
      const invite = page.getByRole("form", { name: "Invite" });
      await invite.getByLabel("Email").fill("newcomer@example.com");
      await invite.getByLabel("Role").selectOption("approver");
      await invite.getByRole("button", { name: "Invite" }).click();
      const link = page.getByTestId("invitation-link");
      await link.waitFor();
      const url = (await link.textContent()) ?? "";
      expect(url).toMatch(new RegExp(`^${server.url}/app/invitations/accept\\?token=.+`));
      // The same link goes out by email, through a real SMTP server.
      await page.getByText("An email with the link is on its way.").waitFor();
      const mail = await sink.waitFor((m) => m.to.includes("newcomer@example.com"));
      expect(mail.decoded).toContain("invited you to Acme Robotics on Sekuire");
      expect(mail.decoded).toContain(url);
      const pending = page.getByRole("list", { name: "Pending invitations" });
      await pending.getByText("newcomer@example.com").waitFor();
      await screenshot(page, "app-members", true);
      await pending
        .getByRole("form", { name: "Revoke invitation for newcomer@example.com" })
        .getByRole("button", { name: "Revoke" })
        .click();
      await page.getByText("No pending invitations.").waitFor();

      // Change the approver to a viewer.
      const roleForm = page.getByRole("form", { name: "Role of approver@example.com" });
      await roleForm.getByLabel("Role for approver@example.com").selectOption("viewer");
      await roleForm.getByRole("button", { name: "Change role" }).click();
      await page.getByText("Role changed to viewer.").waitFor();
      const membership = await database.db.membership.findFirst({
        where: { organizationId: orgId, userId: approverId },
      });
      expect(membership?.role).toBe("viewer");
    } finally {
      await browser.close();
    }
  });

  it("shows a viewer the list read-only", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "viewer@example.com");
      await page.goto(`${server.url}/app/${orgId}/members`);
      const members = page.getByRole("list", { name: "Members" });
      await members.getByText("owner@example.com").waitFor();
      await expect(page.getByRole("form", { name: "Invite" }).count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Remove" }).count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Change role" }).count()).resolves.toBe(0);
      await expect(members.getByRole("combobox").count()).resolves.toBe(0);
      await expect(page.getByRole("list", { name: "Pending invitations" }).count()).resolves.toBe(
        0,
      );
      await page.getByRole("button", { name: "Leave organization" }).waitFor();
      await screenshot(page, "app-members-viewer");
    } finally {
      await browser.close();
    }
  });
});
