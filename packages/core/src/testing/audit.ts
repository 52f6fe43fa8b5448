import type { Db } from "@sekuire/db";

/** The audit events of an organization with this action, oldest first. */
export function auditEvents(db: Db, organizationId: string, action: string) {
  return db.adminAuditEvent.findMany({
    where: { organizationId, action },
    orderBy: { createdAt: "asc" },
  });
}

/** Every audit action of an organization, oldest first. */
export async function auditActions(db: Db, organizationId: string): Promise<string[]> {
  const events = await db.adminAuditEvent.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  return events.map((e) => e.action);
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
