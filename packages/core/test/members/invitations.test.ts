import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  listMembers,
  revokeInvitation,
} from "../../src/members/index.js";
import { hashSecret } from "../../src/secrets.js";
import {
  auditEvents,
  createTestOrganization,
  createUser,
  emailOf,
  expectAppError,
  failAuditInserts,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

describe("invitations", () => {
  it("invites by email: the token is returned once and only its SHA-256 is stored", async () => {
    const org = await createTestOrganization(t.db);
    const { invitation, token } = await createInvitation(t.db, org.admin, {
      organizationId: org.id,
      email: "  New.Person@Example.TEST ",
      role: "approver",
    });
    expect(invitation.email).toBe("new.person@example.test");
    expect(token.length).toBeGreaterThanOrEqual(43);
    const row = await t.db.invitation.findFirstOrThrow({
      where: { organizationId: org.id, id: invitation.id },
    });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(invitation)).not.toContain(row.tokenHash);
    const [event] = await auditEvents(t.db, org.id, "member.invited");
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: invitation.id });
  });

  it("accepting joins with the invited role, once", async () => {
    const org = await createTestOrganization(t.db);
    const user = await createUser(t.db, "invitee");
    const email = await emailOf(t.db, user);
    const { token } = await createInvitation(t.db, org.admin, {
      organizationId: org.id,
      email,
      role: "approver",
    });
    const accepted = await acceptInvitation(t.db, user, { token });
    expect(accepted).toEqual({ organizationId: org.id, role: "approver" });
    const members = await listMembers(t.db, user, { organizationId: org.id });
    expect(members.find((m) => m.userId === user.userId)?.role).toBe("approver");
    expect(await auditEvents(t.db, org.id, "member.joined")).toHaveLength(1);
    // Single use: the same link again, even by the same person, is refused.
    await expectAppError(acceptInvitation(t.db, user, { token }), "PRECONDITION_FAILED");
    expect(await listInvitations(t.db, org.admin, { organizationId: org.id })).toEqual([]);
  });

  it("two simultaneous accepts make one membership", async () => {
    const org = await createTestOrganization(t.db);
    const user = await createUser(t.db);
    const { token } = await createInvitation(t.db, org.owner, {
      organizationId: org.id,
      email: await emailOf(t.db, user),
      role: "viewer",
    });
    const results = await Promise.allSettled([
      acceptInvitation(t.db, user, { token }),
      acceptInvitation(t.db, user, { token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await t.db.membership.count({ where: { organizationId: org.id, userId: user.userId } }),
    ).toBe(1);
  });

  it("refuses an expired invitation", async () => {
    const org = await createTestOrganization(t.db);
    const user = await createUser(t.db);
    const now = new Date();
    const { token } = await createInvitation(
      t.db,
      org.admin,
      {
        organizationId: org.id,
        email: await emailOf(t.db, user),
        role: "viewer",
        expiresInDays: 1,
      },
      now,
    );
    await expectAppError(
      acceptInvitation(t.db, user, { token }, new Date(now.getTime() + DAY + 1)),
      "PRECONDITION_FAILED",
    );
    expect(
      await listInvitations(
        t.db,
        org.admin,
        { organizationId: org.id },
        new Date(now.getTime() + 2 * DAY),
      ),
    ).toEqual([]);
    await expectAppError(listMembers(t.db, user, { organizationId: org.id }), "NOT_FOUND");
  });

  it("refuses a user whose email is not the invited one", async () => {
    const org = await createTestOrganization(t.db);
    const { token } = await createInvitation(t.db, org.admin, {
      organizationId: org.id,
      email: "someone@example.test",
      role: "viewer",
    });
    const stranger = await createUser(t.db);
    await expectAppError(acceptInvitation(t.db, stranger, { token }), "FORBIDDEN");
    await expectAppError(acceptInvitation(t.db, stranger, { token: "nope" }), "NOT_FOUND");
  });

  it("a revoked invitation no longer works and leaves the pending list", async () => {
    const org = await createTestOrganization(t.db);
    const user = await createUser(t.db);
    const { invitation, token } = await createInvitation(t.db, org.admin, {
      organizationId: org.id,
      email: await emailOf(t.db, user),
      role: "viewer",
    });
    expect(
      (await listInvitations(t.db, org.admin, { organizationId: org.id })).map((i) => i.id),
    ).toEqual([invitation.id]);
    await revokeInvitation(t.db, org.admin, {
      organizationId: org.id,
      invitationId: invitation.id,
    });
    expect(await auditEvents(t.db, org.id, "invitation.revoked")).toHaveLength(1);
    await expectAppError(acceptInvitation(t.db, user, { token }), "PRECONDITION_FAILED");
    expect(await listInvitations(t.db, org.admin, { organizationId: org.id })).toEqual([]);
  });

  it("a new invitation to the same address replaces the pending one", async () => {
    const org = await createTestOrganization(t.db);
    const first = await createInvitation(t.db, org.admin, {
      organizationId: org.id,
      email: "x@example.test",
      role: "viewer",
    });
    const second = await createInvitation(t.db, org.admin, {
      organizationId: org.id,
      email: "x@example.test",
      role: "approver",
    });
    const pending = await listInvitations(t.db, org.admin, { organizationId: org.id });
    expect(pending.map((i) => i.id)).toEqual([second.invitation.id]);
    expect(first.invitation.id).not.toBe(second.invitation.id);
  });

  it("only owners invite owners and admins; viewers and approvers invite nobody", async () => {
    const org = await createTestOrganization(t.db);
    for (const role of ["owner", "admin"] as const) {
      await expectAppError(
        createInvitation(t.db, org.admin, {
          organizationId: org.id,
          email: "a@example.test",
          role,
        }),
        "FORBIDDEN",
      );
    }
    const { invitation } = await createInvitation(t.db, org.owner, {
      organizationId: org.id,
      email: "a@example.test",
      role: "admin",
    });
    await expectAppError(
      revokeInvitation(t.db, org.admin, { organizationId: org.id, invitationId: invitation.id }),
      "FORBIDDEN",
    );
    for (const caller of [org.viewer, org.approver]) {
      await expectAppError(
        createInvitation(t.db, caller, {
          organizationId: org.id,
          email: "b@example.test",
          role: "viewer",
        }),
        "FORBIDDEN",
      );
      await expectAppError(listInvitations(t.db, caller, { organizationId: org.id }), "FORBIDDEN");
    }
  });

  it("refuses to invite an existing member", async () => {
    const org = await createTestOrganization(t.db);
    const error = await expectAppError(
      createInvitation(t.db, org.owner, {
        organizationId: org.id,
        email: await emailOf(t.db, org.viewer),
        role: "viewer",
      }),
      "CONFLICT",
    );
    expect(error.details?.[0]?.pointer).toBe("/email");
  });

  it("keeps organizations apart", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    const { invitation } = await createInvitation(t.db, b.owner, {
      organizationId: b.id,
      email: "c@example.test",
      role: "viewer",
    });
    await expectAppError(
      createInvitation(t.db, a.owner, {
        organizationId: b.id,
        email: "d@example.test",
        role: "viewer",
      }),
      "NOT_FOUND",
    );
    await expectAppError(listInvitations(t.db, a.owner, { organizationId: b.id }), "NOT_FOUND");
    await expectAppError(
      revokeInvitation(t.db, a.owner, { organizationId: b.id, invitationId: invitation.id }),
      "NOT_FOUND",
    );
    await expectAppError(
      revokeInvitation(t.db, a.owner, { organizationId: a.id, invitationId: invitation.id }),
      "NOT_FOUND",
    );
    expect(await listInvitations(t.db, b.owner, { organizationId: b.id })).toHaveLength(1);
  });

  it("validates the email with a pointer", async () => {
    const org = await createTestOrganization(t.db);
    const error = await expectAppError(
      createInvitation(t.db, org.owner, {
        organizationId: org.id,
        email: "not-an-email",
        role: "viewer",
      }),
      "BAD_REQUEST",
    );
    expect(error.details?.[0]?.pointer).toBe("/email");
  });

  it("an invitation whose audit event fails is not created", async () => {
    const org = await createTestOrganization(t.db);
    const restore = await failAuditInserts(t.db);
    try {
      await expect(
        createInvitation(t.db, org.owner, {
          organizationId: org.id,
          email: "e@example.test",
          role: "viewer",
        }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await t.db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
