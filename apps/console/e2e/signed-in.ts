/**
 * Fixtures for browser tests of the signed-in console: users with a known password, an
 * organization with an owner and a viewer, and signing in through the sign-in page.
 */
import { hashPassword } from "@sekuire/core";
import { createOrganization } from "@sekuire/core/organizations";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Console, startConsole } from "./harness";

export const PASSWORD = "correct horse battery staple";

export async function seedUser(database: MigratedTestDatabase, email: string) {
  return database.db.user.create({
    data: { email, name: email.split("@")[0], passwordHash: await hashPassword(PASSWORD) },
  });
}

/** "Acme Robotics", owned by owner@example.com, with viewer@example.com as a viewer. */
export async function seedOwnerAndViewer(database: MigratedTestDatabase) {
  const owner = await seedUser(database, "owner@example.com");
  const org = await createOrganization(
    database.db,
    { kind: "user", userId: owner.id },
    { name: "Acme Robotics" },
  );
  const viewer = await seedUser(database, "viewer@example.com");
  await database.db.membership.create({
    data: { organizationId: org.id, userId: viewer.id, role: "viewer" },
  });
  return { org, owner, viewer };
}

export async function signIn(page: Page, consoleUrl: string, email: string) {
  await page.goto(`${consoleUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${consoleUrl}/app`);
}

export interface AcmeConsole {
  database: MigratedTestDatabase;
  server: Console;
  org: Awaited<ReturnType<typeof seedOwnerAndViewer>>["org"];
  owner: Awaited<ReturnType<typeof seedOwnerAndViewer>>["owner"];
}

/**
 * A test file's own database with Acme Robotics seeded, and a console on it: started before the
 * file's tests, stopped and dropped after. Read its fields inside tests (they are set in beforeAll).
 */
export function setUpAcmeConsole(secret: string): AcmeConsole {
  const acme = {} as AcmeConsole;
  beforeAll(async () => {
    acme.database = await createTestDatabase();
    const { org, owner } = await seedOwnerAndViewer(acme.database);
    acme.org = org;
    acme.owner = owner;
    acme.server = await startConsole({
      env: (url) => ({
        DATABASE_URL: acme.database.url,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: secret,
      }),
    });
  });
  afterAll(async () => {
    await acme.server?.stop();
    await acme.database?.drop();
  });
  return acme;
}
