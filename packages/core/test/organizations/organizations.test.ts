import { describe, expect, it } from "vitest";
import {
  createOrganization,
  listOrganizations,
  renameOrganization,
  updateOrganization,
} from "../../src/organizations/index.js";
import {
  auditEvents,
  createTestOrganization,
  createTokenPrincipal,
  createUser,
  expectAppError,
  failAuditInserts,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();

describe("organizations", () => {
  it("sign-up creates the organization with the user as its only owner, and records it", async () => {
    const user = await createUser(t.db);
    const org = await createOrganization(t.db, user, { name: "  Globex  " });
    expect(org).toMatchObject({ name: "Globex", role: "owner", requireFourEyes: false });
    expect(org.id).toMatch(/^org_/);
    const members = await t.db.membership.findMany({ where: { organizationId: org.id } });
    expect(members).toMatchObject([{ userId: user.userId, role: "owner" }]);
    const [event] = await auditEvents(t.db, org.id, "organization.created");
    expect(event).toMatchObject({ actorType: "user", actorUserId: user.userId, targetId: org.id });
  });

  it("refuses a blank name with a pointer to the field", async () => {
    const user = await createUser(t.db);
    const error = await expectAppError(
      createOrganization(t.db, user, { name: "  " }),
      "BAD_REQUEST",
    );
    expect(error.details?.[0]?.pointer).toBe("/name");
  });

  it("lists only the caller's organizations with their role in each", async () => {
    const a = await createTestOrganization(t.db, "A");
    const b = await createTestOrganization(t.db, "B");
    expect(await listOrganizations(t.db, a.viewer)).toEqual([
      expect.objectContaining({ id: a.id, role: "viewer" }),
    ]);
    const mine = await listOrganizations(t.db, b.owner);
    expect(mine.map((o) => o.id)).toEqual([b.id]);
  });

  it("lets an admin rename, records it, and keeps four-eyes to owners", async () => {
    const org = await createTestOrganization(t.db);
    const renamed = await renameOrganization(t.db, org.admin, {
      organizationId: org.id,
      name: "New",
    });
    expect(renamed.name).toBe("New");
    const [event] = await auditEvents(t.db, org.id, "organization.renamed");
    expect(event?.details).toEqual({ from: "Acme", to: "New" });
    await expectAppError(
      updateOrganization(t.db, org.admin, { organizationId: org.id, requireFourEyes: true }),
      "FORBIDDEN",
    );
    const owned = await updateOrganization(t.db, org.owner, {
      organizationId: org.id,
      requireFourEyes: true,
    });
    expect(owned.requireFourEyes).toBe(true);
    expect(await auditEvents(t.db, org.id, "organization.four_eyes_changed")).toHaveLength(1);
  });

  it("refuses a viewer's rename and another organization's member", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    await expectAppError(
      renameOrganization(t.db, a.viewer, { organizationId: a.id, name: "x" }),
      "FORBIDDEN",
    );
    await expectAppError(
      renameOrganization(t.db, a.owner, { organizationId: b.id, name: "x" }),
      "NOT_FOUND",
    );
    const stored = await t.db.organization.findUniqueOrThrow({ where: { id: b.id } });
    expect(stored.name).toBe("Acme");
  });

  it("an admin token cannot create organizations and sees only its own", async () => {
    const org = await createTestOrganization(t.db);
    // A live row: listing re-reads the token's standing (its creator's current role).
    const token = await createTokenPrincipal(t.db, org.id, "admin");
    await expectAppError(createOrganization(t.db, token, { name: "x" }), "FORBIDDEN");
    expect((await listOrganizations(t.db, token)).map((o) => o.id)).toEqual([org.id]);
  });

  it("creates nothing when the audit event cannot be written", async () => {
    const user = await createUser(t.db);
    const restore = await failAuditInserts(t.db);
    try {
      await expect(createOrganization(t.db, user, { name: "Ghost" })).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await listOrganizations(t.db, user)).toEqual([]);
    expect(await t.db.organization.count({ where: { name: "Ghost" } })).toBe(0);
  });
});
