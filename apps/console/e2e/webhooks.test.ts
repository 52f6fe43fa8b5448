/**
 * Webhook settings in Chromium against a real console, Postgres and a local receiver: an admin
 * creates the signing secret (shown once), sends a test delivery that the receiver can verify
 * with it, sees it listed as sent, and rotates with a confirmation; a viewer is kept out.
 */

import { assignPolicy, createPolicy, publishPolicy } from "@sekuire/core/policies";
import { checkWebhookSignature } from "@sekuire/core/webhooks";
import { createWorkspace } from "@sekuire/core/workspaces";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import { startWebhookReceiver, type WebhookReceiver } from "@sekuire/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Console, screenshot, startBrowser, startConsole } from "./harness";
import { seedOwnerAndViewer, signIn } from "./signed-in";

const SECRET = "e2e-secret-webhooks-0123456789abcdef0123456789abcdef0123";
const WEBHOOK_KEY = "e2e-webhook-key-0123456789abcdef0123456789";

let database: MigratedTestDatabase;
let server: Console;
let receiver: WebhookReceiver;
let page_: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  database = await createTestDatabase();
  const { db } = database;
  const { org, owner } = await seedOwnerAndViewer(database);
  const me = { kind: "user" as const, userId: owner.id };
  const workspace = await createWorkspace(db, me, { organizationId: org.id, name: "Production" });
  const document = JSON.stringify({
    Version: "2024-12-02",
    Statement: [{ Effect: "Allow", Action: "file:Write", Resource: "file:///srv/*" }],
    RequireApproval: {
      Actions: ["file:Write"],
      NotificationChannels: ["email", { Type: "webhook", Url: `${receiver.url}/hooks/sekuire` }],
    },
  });
  const { policy } = await createPolicy(db, me, {
    organizationId: org.id,
    name: "Hooks",
    document,
  });
  await publishPolicy(db, me, {
    organizationId: org.id,
    policyId: policy.id,
    changeNote: "v1",
    document,
  });
  await assignPolicy(db, me, {
    organizationId: org.id,
    policyId: policy.id,
    workspaceId: workspace.id,
  });
  server = await startConsole({
    env: (url) => ({
      DATABASE_URL: database.url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      SEKUIRE_WEBHOOK_KEY: WEBHOOK_KEY,
      // The console runs as in production; the receiver is on this machine.
      SEKUIRE_WEBHOOK_ALLOW_LOOPBACK: "true",
    }),
  });
  page_ = `${server.url}/app/${org.id}/workspaces/${workspace.id}/webhooks`;
});

afterAll(async () => {
  await Promise.all([server?.stop(), receiver?.close()]);
  await database?.drop();
});

describe("webhook settings", () => {
  it("creates the secret once, sends a verifiable test delivery, lists it, and rotates with a confirmation", async () => {
    const browser = await startBrowser();
    try {
      const { page } = browser;
      await signIn(page, server.url, "owner@example.com");
      await page.goto(page_);
      await page.getByText("No secret yet").waitFor();
      await expect(
        page.getByRole("list", { name: "Webhook receivers" }).textContent(),
      ).resolves.toContain(`${receiver.url}/hooks/sekuire`);

      await page.getByRole("button", { name: "Create secret" }).click();
      const secret =
        (await page.getByTestId("new-webhook-secret").getByTestId("secret").textContent()) ?? "";
      expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
      await page
        .getByTestId("secret-status")
        .getByText(`whsec_…${secret.slice(-4)}`)
        .waitFor();

      // The test form starts with the policy's receiver.
      await expect(page.getByLabel("Receiver URL").inputValue()).resolves.toBe(
        `${receiver.url}/hooks/sekuire`,
      );
      await page.getByRole("button", { name: "Send test delivery" }).click();
      await page.getByText("Delivered: the receiver answered 204.").waitFor();
      const got = receiver.received.at(-1);
      expect(got?.path).toBe("/hooks/sekuire");
      expect(
        checkWebhookSignature(secret, got?.headers["sekuire-signature"] as string, got?.body ?? ""),
      ).toEqual({
        ok: true,
      });
      expect(JSON.parse(got?.body ?? "{}")).toMatchObject({
        schema: "sekuire.webhook/v1",
        event: "webhook.test",
      });
      const row = page
        .getByRole("table", { name: "Recent deliveries" })
        .locator("tbody tr")
        .first();
      await expect(row.textContent()).resolves.toMatch(/webhook\.test.*sent.*HTTP 204/);

      // A refused receiver is reported, and listed as failed.
      receiver.answer = () => 500;
      await page.getByRole("button", { name: "Send test delivery" }).click();
      await page.getByText("Not delivered: the receiver answered 500").waitFor();
      receiver.answer = () => 204;
      await screenshot(page, "webhooks", true);

      await page.getByRole("button", { name: "Rotate secret…" }).click();
      await page.getByText("The current secret stops signing at once").waitFor();
      await page.getByRole("button", { name: "Rotate secret", exact: true }).click();
      const next = page.getByTestId("new-webhook-secret").getByTestId("secret");
      await page.waitForFunction((old) => {
        const shown = document.querySelector(
          '[data-testid="new-webhook-secret"] [data-testid="secret"]',
        );
        return shown !== null && shown.textContent !== old;
      }, secret);
      const rotated = (await next.textContent()) ?? "";
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      // The page never shows a secret again once reloaded.
      await page.reload();
      await page
        .getByTestId("secret-status")
        .getByText(`whsec_…${rotated.slice(-4)}`)
        .waitFor();
      expect(await page.content()).not.toContain(rotated);
    } finally {
      await browser.close();
    }
  });

  it("keeps a viewer out", async () => {
    const browser = await startBrowser();
    try {
      await signIn(browser.page, server.url, "viewer@example.com");
      await browser.page.goto(page_);
      await browser.page.getByText("Only owners and admins manage webhooks.").waitFor();
    } finally {
      await browser.close();
    }
  });
});
