/**
 * A token never acts with more than its creator's current role in its organization (issue 10,
 * item 6): removing, demoting or losing the creator revokes or narrows the token, in the same
 * transaction and on the record, and every authorization re-checks the creator's standing.
 */
import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/access/index.js";
import {
  createAdminToken,
  listAdminTokens,
  verifyAdminToken,
} from "../../src/admin-tokens/index.js";
import { TOKEN_CREATOR_NOT_MEMBER } from "../../src/admin-tokens/token-standing.js";
import {
  changeRole,
  createInvitation,
  leaveOrganization,
  removeMember,
} from "../../src/members/index.js";
import { listOrganizations } from "../../src/organizations/index.js";
import {
  addMember,
  auditEvents,
  createTestOrganization,
  emailOf,
  expectAppError,
  type TestOrganization,
  useTestDatabase,
} from "../../src/testing/index.js";
import { createWorkspace, listWorkspaces } from "../../src/workspaces/index.js";

const t = useTestDatabase();

/** A token made by `creator` through the service, and the principal its secret verifies to. */
async function tokenOf(
  org: TestOrganization,
  creator: Principal,
  role: "owner" | "admin" | "approver" | "viewer",
  name = `${role} script`,
) {
  const created = await createAdminToken(t.db, creator, { organizationId: org.id, name, role });
  const principal = await verifyAdminToken(t.db, created.secret);
  if (!principal) throw new Error("the new token does not verify");
  return { ...created, principal };
}

/** The call fails FORBIDDEN with the detail that names the orphaned token. */
async function expectOrphaned(promise: Promise<unknown>) {
  const error = await expectAppError(promise, "FORBIDDEN");
  expect(error.details?.map((d) => d.code)).toEqual([TOKEN_CREATOR_NOT_MEMBER]);
}

describe("removing a member switches off their admin tokens", () => {
  it("the issue's scenario: the removed admin's token can no longer list, create or invite", async () => {
    const org = await createTestOrganization(t.db);
    const { token, principal } = await tokenOf(org, org.admin, "admin");
    await createWorkspace(t.db, principal, { organizationId: org.id, name: "Before" });

    await removeMember(t.db, org.owner, { organizationId: org.id, userId: org.admin.userId });

    const organizationId = org.id;
    // Revoked with the removal: the bearer is no longer anybody (401 over HTTP).
    await expectAppError(listWorkspaces(t.db, principal, { organizationId }), "UNAUTHORIZED");
    await expectAppError(
      createWorkspace(t.db, principal, { organizationId, name: "After" }),
      "UNAUTHORIZED",
    );
    await expectAppError(
      createInvitation(t.db, principal, {
        organizationId,
        email: await emailOf(t.db, org.admin),
        role: "admin",
      }),
      "UNAUTHORIZED",
    );
    expect(await t.db.workspace.count({ where: { organizationId, name: "After" } })).toBe(0);
    const [listed] = await listAdminTokens(t.db, org.owner, { organizationId });
    expect(listed).toMatchObject({ id: token.id, status: "revoked" });
  });

  it("records each revocation beside the removal, with the remover as actor", async () => {
    const org = await createTestOrganization(t.db);
    const a = await tokenOf(org, org.admin, "admin", "deploy");
    const b = await tokenOf(org, org.admin, "viewer", "report");
    const ownersToken = await tokenOf(org, org.owner, "admin", "owner's");
    await removeMember(t.db, org.owner, { organizationId: org.id, userId: org.admin.userId });

    const revoked = await auditEvents(t.db, org.id, "admin_token.revoked");
    expect(revoked.map((e) => e.targetId).sort()).toEqual([a.token.id, b.token.id].sort());
    for (const event of revoked) {
      expect(event).toMatchObject({ actorType: "user", actorUserId: org.owner.userId });
      expect(event.details).toMatchObject({
        reason: "creator_removed",
        creatorId: org.admin.userId,
      });
    }
    const [removed] = await auditEvents(t.db, org.id, "member.removed");
    expect(removed?.details).toMatchObject({ revokedTokens: 2 });
    // The owner's own token is untouched.
    const verified = await verifyAdminToken(t.db, ownersToken.secret);
    expect(verified?.tokenId).toBe(ownersToken.token.id);
  });

  it("a member who leaves leaves their tokens behind revoked", async () => {
    const org = await createTestOrganization(t.db);
    const { token, secret } = await tokenOf(org, org.admin, "admin");
    await leaveOrganization(t.db, org.admin, { organizationId: org.id });
    expect(await verifyAdminToken(t.db, secret)).toBeNull();
    const [event] = await auditEvents(t.db, org.id, "admin_token.revoked");
    expect(event).toMatchObject({ targetId: token.id, actorUserId: org.admin.userId });
    expect(event?.details).toMatchObject({ reason: "creator_left" });
  });

  it("a token minted by a token belongs to the human behind it, and goes with them", async () => {
    const org = await createTestOrganization(t.db);
    const parent = await tokenOf(org, org.admin, "admin");
    const child = await tokenOf(org, parent.principal, "approver");
    expect(child.token.createdById).toBe(org.admin.userId);
    await removeMember(t.db, org.owner, { organizationId: org.id, userId: org.admin.userId });
    expect(await verifyAdminToken(t.db, parent.secret)).toBeNull();
    expect(await verifyAdminToken(t.db, child.secret)).toBeNull();
  });
});

describe("demoting a member revokes their tokens above the new role", () => {
  it("keeps the tokens the new role still covers and records the others' revocation", async () => {
    const org = await createTestOrganization(t.db);
    const high = await tokenOf(org, org.admin, "admin");
    const low = await tokenOf(org, org.admin, "approver");
    await changeRole(t.db, org.owner, {
      organizationId: org.id,
      userId: org.admin.userId,
      role: "approver",
    });
    expect(await verifyAdminToken(t.db, high.secret)).toBeNull();
    expect((await verifyAdminToken(t.db, low.secret))?.tokenId).toBe(low.token.id);
    const events = await auditEvents(t.db, org.id, "admin_token.revoked");
    expect(events.map((e) => e.targetId)).toEqual([high.token.id]);
    expect(events[0]?.details).toMatchObject({
      reason: "creator_demoted",
      creatorId: org.admin.userId,
      creatorRole: "approver",
    });
    // A promotion back does not bring the revoked token back.
    await changeRole(t.db, org.owner, {
      organizationId: org.id,
      userId: org.admin.userId,
      role: "admin",
    });
    expect(await verifyAdminToken(t.db, high.secret)).toBeNull();
  });
});

describe("every authorization caps a token at its creator's current role", () => {
  it("a creator demoted behind the services' back narrows the token at once", async () => {
    const org = await createTestOrganization(t.db);
    const { principal } = await tokenOf(org, org.admin, "admin");
    await t.db.membership.update({
      where: { organizationId_userId: { organizationId: org.id, userId: org.admin.userId } },
      data: { role: "viewer" },
    });
    // A viewer may read, not write.
    await listWorkspaces(t.db, principal, { organizationId: org.id });
    const error = await expectAppError(
      createWorkspace(t.db, principal, { organizationId: org.id, name: "No" }),
      "FORBIDDEN",
    );
    expect(error.message).toContain("viewer");
    expect((await listOrganizations(t.db, principal)).map((o) => o.role)).toEqual(["viewer"]);
  });

  it("a creator gone behind the services' back leaves a token that acts as nothing", async () => {
    const org = await createTestOrganization(t.db);
    const { principal } = await tokenOf(org, org.admin, "admin");
    await t.db.membership.delete({
      where: { organizationId_userId: { organizationId: org.id, userId: org.admin.userId } },
    });
    await expectOrphaned(listWorkspaces(t.db, principal, { organizationId: org.id }));
    await expectOrphaned(createWorkspace(t.db, principal, { organizationId: org.id, name: "No" }));
    await expectOrphaned(listOrganizations(t.db, principal));
  });

  it("a token without a creator (the user was deleted) acts as nothing", async () => {
    const org = await createTestOrganization(t.db);
    const departing = await addMember(t.db, org.id, "admin");
    const { principal } = await tokenOf(org, departing, "admin");
    await t.db.user.delete({ where: { id: departing.userId } });
    await expectOrphaned(listWorkspaces(t.db, principal, { organizationId: org.id }));
    await expectOrphaned(createWorkspace(t.db, principal, { organizationId: org.id, name: "No" }));
  });
});
