/**
 * Fixtures for the domain services' integration tests: a throw-away migrated database per test
 * file, users, and two organizations so every test can try to cross between them.
 */
import type { Db, Role } from "@sekuire/db";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import { afterAll, beforeAll, expect } from "vitest";
import type { Principal } from "../../src/access/index.js";
import { AppError, type ErrorCode } from "../../src/errors/index.js";
import { createOrganization } from "../../src/organizations/index.js";

/** Creates the file's database before its tests and drops it after; read `.db` inside tests. */
export function useTestDatabase(): { readonly db: Db } {
  let database: MigratedTestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get db() {
      if (!database) throw new Error("the test database is not ready");
      return database.db;
    },
  };
}

let counter = 0;

export async function createUser(db: Db, name = "user"): Promise<Principal & { kind: "user" }> {
  counter += 1;
  const email = `${name}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await db.user.create({ data: { email, name } });
  return { kind: "user", userId: user.id, label: email };
}

export async function emailOf(db: Db, principal: { userId: string }): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId } });
  return user.email;
}

export async function addMember(
  db: Db,
  organizationId: string,
  role: Role,
): Promise<Principal & { kind: "user" }> {
  const principal = await createUser(db, role);
  await db.membership.create({ data: { organizationId, userId: principal.userId, role } });
  return principal;
}

export interface TestOrganization {
  id: string;
  owner: Principal & { kind: "user" };
  admin: Principal & { kind: "user" };
  approver: Principal & { kind: "user" };
  viewer: Principal & { kind: "user" };
}

/** An organization with one member of each role. */
export async function createTestOrganization(db: Db, name = "Acme"): Promise<TestOrganization> {
  const owner = await createUser(db, "owner");
  const organization = await createOrganization(db, owner, { name });
  return {
    id: organization.id,
    owner,
    admin: await addMember(db, organization.id, "admin"),
    approver: await addMember(db, organization.id, "approver"),
    viewer: await addMember(db, organization.id, "viewer"),
  };
}

/** Awaits a promise that must fail with an AppError of this code; returns the error. */
export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** The audit events of an organization with this action, oldest first. */
export function auditEvents(db: Db, organizationId: string, action: string) {
  return db.adminAuditEvent.findMany({
    where: { organizationId, action },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Makes the next commit that wrote to `table` fail after every statement of the transaction
 * succeeded, audit insert included: a deferred constraint trigger raises at COMMIT. A test
 * then checks that neither the change nor its audit event survived. Returns the undo.
 */
export async function failCommitsTouching(db: Db, table: string): Promise<() => Promise<void>> {
  const name = `fail_commit_${table.toLowerCase()}`;
  await db.$unscoped.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'commit refused by test'; END $$`);
  await db.$unscoped.$executeRawUnsafe(`
    CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE ON "${table}"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.$unscoped.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
    await db.$unscoped.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

/** Makes every audit insert fail, to prove a change cannot be committed without its record. */
export async function failAuditInserts(db: Db): Promise<() => Promise<void>> {
  await db.$unscoped.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION fail_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit insert refused by test'; END $$`);
  await db.$unscoped.$executeRawUnsafe(`
    CREATE TRIGGER fail_audit_insert BEFORE INSERT ON "AdminAuditEvent"
    FOR EACH ROW EXECUTE FUNCTION fail_audit_insert()`);
  return async () => {
    await db.$unscoped.$executeRawUnsafe(`DROP TRIGGER fail_audit_insert ON "AdminAuditEvent"`);
    await db.$unscoped.$executeRawUnsafe("DROP FUNCTION fail_audit_insert()");
  };
}
