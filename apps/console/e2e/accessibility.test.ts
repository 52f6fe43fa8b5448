/**
 * Every main page of the console, scanned in Chromium with axe-core for WCAG 2 A/AA violations
 * that axe rates serious or critical (missing labels and names, contrast, ARIA misuse, …).
 */
import { createAgent } from "@sekuire/core/agents";
import { createPolicy } from "@sekuire/core/policies";
import { createWorkspace } from "@sekuire/core/workspaces";
import type { MigratedTestDatabase } from "@sekuire/db/testing";
import { createTestDatabase } from "@sekuire/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { type Console, startBrowser, startConsole } from "./harness";
import { seedOwnerAndViewer, signIn } from "./signed-in";

const SECRET = "e2e-secret-console-a11y-0123456789abcdef0123456789abcdef";

let database: MigratedTestDatabase;
let server: Console;
let paths: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const { org, owner } = await seedOwnerAndViewer(database);
  const asOwner = { kind: "user" as const, userId: owner.id };
  const ws = await createWorkspace(db, asOwner, { organizationId: org.id, name: "Production" });
  await createAgent(db, asOwner, { organizationId: org.id, workspaceId: ws.id, name: "bot" });
  const { policy } = await createPolicy(db, asOwner, {
    organizationId: org.id,
    templateId: "production",
  });
  const app = `/app/${org.id}`;
  paths = [
    "/app",
    "/account",
    `${app}/workspaces`,
    `${app}/workspaces/${ws.id}`,
    `${app}/policies`,
    `${app}/policies/new`,
    `${app}/policies/${policy.id}`,
    `${app}/members`,
    `${app}/audit`,
    `${app}/decisions`,
    `${app}/workspaces/${ws.id}/dashboard`,
    `${app}/settings`,
  ];
  server = await startConsole({
    env: (url) => ({ DATABASE_URL: database.url, NEXTAUTH_URL: url, NEXTAUTH_SECRET: SECRET }),
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** Each page's serious findings, keyed by path; pages without any are left out. */
async function scan(page: Page, pagePaths: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of pagePaths) {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState("networkidle");
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[path] = violations;
  }
  return found;
}

describe("accessibility", () => {
  it("finds no serious WCAG violations on the public pages", async () => {
    const browser = await startBrowser();
    try {
      const pages = ["/", "/docs", "/templates", "/validate", "/sign-in", "/sign-up"];
      expect(await scan(browser.page, pages)).toEqual({});
    } finally {
      await browser.close();
    }
  });

  it("finds no serious WCAG violations on the signed-in pages", async () => {
    const browser = await startBrowser();
    try {
      await signIn(browser.page, server.url, "owner@example.com");
      expect(await scan(browser.page, paths)).toEqual({});
    } finally {
      await browser.close();
    }
  });
});
