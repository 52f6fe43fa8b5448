import { describe, expect, it } from "vitest";
import { createAdminToken, verifyAdminToken } from "../../src/admin-tokens/index.js";
import {
  changeRole,
  leaveOrganization,
  listMembers,
  removeMember,
} from "../../src/members/index.js";
import {
  addMember,
  auditEvents,
  createTestOrganization,
  expectAppError,
  failCommitsTouching,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();

describe("members", () => {
  it("any member lists the members with their roles", async () => {
    const org = await createTestOrganization(t.db);
    const members = await listMembers(t.db, org.viewer, { organizationId: org.id });
    expect(members.map((m) => m.role)).toEqual(["owner", "admin", "approver", "viewer"]);
    expect(members[0]).toMatchObject({ userId: org.owner.userId, email: org.owner.label });
  });

  it("keeps organizations apart for reads and writes", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    await expectAppError(listMembers(t.db, a.owner, { organizationId: b.id }), "NOT_FOUND");
    await expectAppError(
      changeRole(t.db, a.owner, { organizationId: b.id, userId: b.viewer.userId, role: "admin" }),
      "NOT_FOUND",
    );
    // A's owner naming B's member inside A: not a member of A.
    await expectAppError(
      changeRole(t.db, a.owner, { organizationId: a.id, userId: b.viewer.userId, role: "admin" }),
      "NOT_FOUND",
    );
    await expectAppError(
      removeMember(t.db, a.owner, { organizationId: b.id, userId: b.viewer.userId }),
      "NOT_FOUND",
    );
    await expectAppError(
      removeMember(t.db, a.owner, { organizationId: a.id, userId: b.viewer.userId }),
      "NOT_FOUND",
    );
    await expectAppError(leaveOrganization(t.db, a.viewer, { organizationId: b.id }), "NOT_FOUND");
    expect((await listMembers(t.db, b.owner, { organizationId: b.id })).map((m) => m.role)).toEqual(
      ["owner", "admin", "approver", "viewer"],
    );
  });

  it("viewers and approvers cannot change roles or remove members", async () => {
    const org = await createTestOrganization(t.db);
    for (const caller of [org.viewer, org.approver]) {
      await expectAppError(
        changeRole(t.db, caller, {
          organizationId: org.id,
          userId: org.viewer.userId,
          role: "approver",
        }),
        "FORBIDDEN",
      );
      await expectAppError(
        removeMember(t.db, caller, { organizationId: org.id, userId: org.viewer.userId }),
        "FORBIDDEN",
      );
    }
  });

  it("an admin moves people between approver and viewer but cannot grant or touch owner/admin", async () => {
    const org = await createTestOrganization(t.db);
    const changed = await changeRole(t.db, org.admin, {
      organizationId: org.id,
      userId: org.viewer.userId,
      role: "approver",
    });
    expect(changed.role).toBe("approver");
    const [event] = await auditEvents(t.db, org.id, "member.role_changed");
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: org.viewer.userId });
    expect(event?.details).toMatchObject({ from: "viewer", to: "approver" });
    for (const role of ["owner", "admin"] as const) {
      await expectAppError(
        changeRole(t.db, org.admin, { organizationId: org.id, userId: org.approver.userId, role }),
        "FORBIDDEN",
      );
    }
    await expectAppError(
      changeRole(t.db, org.admin, {
        organizationId: org.id,
        userId: org.owner.userId,
        role: "viewer",
      }),
      "FORBIDDEN",
    );
    const other = await addMember(t.db, org.id, "admin");
    await expectAppError(
      removeMember(t.db, org.admin, { organizationId: org.id, userId: other.userId }),
      "FORBIDDEN",
    );
  });

  it("an owner grants owner and admin", async () => {
    const org = await createTestOrganization(t.db);
    await changeRole(t.db, org.owner, {
      organizationId: org.id,
      userId: org.admin.userId,
      role: "owner",
    });
    await changeRole(t.db, org.owner, {
      organizationId: org.id,
      userId: org.viewer.userId,
      role: "admin",
    });
    const roles = await listMembers(t.db, org.owner, { organizationId: org.id });
    expect(roles.filter((m) => m.role === "owner")).toHaveLength(2);
    expect(await auditEvents(t.db, org.id, "member.role_changed")).toHaveLength(2);
  });

  it("the last owner can neither be demoted, nor removed, nor leave", async () => {
    const org = await createTestOrganization(t.db);
    await expectAppError(
      changeRole(t.db, org.owner, {
        organizationId: org.id,
        userId: org.owner.userId,
        role: "admin",
      }),
      "PRECONDITION_FAILED",
    );
    await expectAppError(
      leaveOrganization(t.db, org.owner, { organizationId: org.id }),
      "PRECONDITION_FAILED",
    );
    // Only an owner-role admin token could try to remove the only owner user.
    const { secret } = await createAdminToken(t.db, org.owner, {
      organizationId: org.id,
      name: "owner script",
      role: "owner",
    });
    const ownerToken = await verifyAdminToken(t.db, secret);
    if (!ownerToken) throw new Error("the new token does not verify");
    await expectAppError(
      removeMember(t.db, ownerToken, { organizationId: org.id, userId: org.owner.userId }),
      "PRECONDITION_FAILED",
    );
    // With a second owner either may go, and the second then is the last.
    const second = await addMember(t.db, org.id, "owner");
    await removeMember(t.db, second, { organizationId: org.id, userId: org.owner.userId });
    await expectAppError(
      changeRole(t.db, second, { organizationId: org.id, userId: second.userId, role: "viewer" }),
      "PRECONDITION_FAILED",
    );
    const owners = (await listMembers(t.db, second, { organizationId: org.id })).filter(
      (m) => m.role === "owner",
    );
    expect(owners.map((m) => m.userId)).toEqual([second.userId]);
  });

  it("a removed member loses access at once, and the removal is recorded", async () => {
    const org = await createTestOrganization(t.db);
    await removeMember(t.db, org.admin, { organizationId: org.id, userId: org.viewer.userId });
    await expectAppError(listMembers(t.db, org.viewer, { organizationId: org.id }), "NOT_FOUND");
    const [event] = await auditEvents(t.db, org.id, "member.removed");
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: org.viewer.userId });
  });

  it("a member leaves and the departure is recorded", async () => {
    const org = await createTestOrganization(t.db);
    await leaveOrganization(t.db, org.approver, { organizationId: org.id });
    await expectAppError(listMembers(t.db, org.approver, { organizationId: org.id }), "NOT_FOUND");
    expect(await auditEvents(t.db, org.id, "member.left")).toHaveLength(1);
  });

  it("removing yourself is a bad request pointing at userId (use leave)", async () => {
    const org = await createTestOrganization(t.db);
    const error = await expectAppError(
      removeMember(t.db, org.admin, { organizationId: org.id, userId: org.admin.userId }),
      "BAD_REQUEST",
    );
    expect(error.details?.[0]?.pointer).toBe("/userId");
  });

  it("validates ids and roles with pointers", async () => {
    const org = await createTestOrganization(t.db);
    const error = await expectAppError(
      changeRole(t.db, org.owner, {
        organizationId: org.id,
        userId: "ws_1",
        role: "boss" as never,
      }),
      "BAD_REQUEST",
    );
    expect(error.details?.map((d) => d.pointer).sort()).toEqual(["/role", "/userId"]);
  });

  it("a role change that fails to commit leaves neither the change nor its event", async () => {
    const org = await createTestOrganization(t.db);
    const restore = await failCommitsTouching(t.db, "AdminAuditEvent");
    try {
      await expect(
        changeRole(t.db, org.owner, {
          organizationId: org.id,
          userId: org.viewer.userId,
          role: "approver",
        }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    const viewer = await t.db.membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: org.id, userId: org.viewer.userId } },
    });
    expect(viewer.role).toBe("viewer");
    expect(await auditEvents(t.db, org.id, "member.role_changed")).toHaveLength(0);
  });
});
