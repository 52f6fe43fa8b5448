import { describe, expect, it } from "vitest";
import {
  createAdminToken,
  listAdminTokens,
  revokeAdminToken,
  verifyAdminToken,
} from "../../src/admin-tokens/index.js";
import { hashSecret } from "../../src/secrets.js";
import {
  auditEvents,
  createTestOrganization,
  expectAppError,
  failCommitsTouching,
  useTestDatabase,
} from "../../src/testing/index.js";
import { createWorkspace, listWorkspaces } from "../../src/workspaces/index.js";

const t = useTestDatabase();

describe("admin tokens", () => {
  it("returns the secret once, stores its hash, and verifies to an admin_token principal", async () => {
    const org = await createTestOrganization(t.db);
    const { token, secret } = await createAdminToken(t.db, org.admin, {
      organizationId: org.id,
      name: "ci",
      role: "admin",
    });
    expect(secret).toMatch(/^sek_admin_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/);
    expect(token).toMatchObject({
      name: "ci",
      role: "admin",
      status: "active",
      lastFour: secret.slice(-4),
    });
    const row = await t.db.adminToken.findFirstOrThrow({
      where: { organizationId: org.id, id: token.id },
    });
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(
      JSON.stringify(await listAdminTokens(t.db, org.admin, { organizationId: org.id })),
    ).not.toContain(row.secretHash);
    const now = new Date();
    expect(await verifyAdminToken(t.db, secret, now)).toEqual({
      kind: "admin_token",
      tokenId: token.id,
      organizationId: org.id,
      role: "admin",
      label: "ci",
    });
    const used = await t.db.adminToken.findFirstOrThrow({
      where: { organizationId: org.id, id: token.id },
    });
    expect(used.lastUsedAt?.getTime()).toBe(now.getTime());
    const [event] = await auditEvents(t.db, org.id, "admin_token.created");
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: token.id });
  });

  it("a verified token acts through the services with its role, and its actions name it", async () => {
    const org = await createTestOrganization(t.db);
    const { secret, token } = await createAdminToken(t.db, org.owner, {
      organizationId: org.id,
      name: "script",
      role: "admin",
    });
    const principal = await verifyAdminToken(t.db, secret);
    if (!principal) throw new Error("token did not verify");
    const ws = await createWorkspace(t.db, principal, { organizationId: org.id, name: "From CLI" });
    const [event] = await auditEvents(t.db, org.id, "workspace.created");
    expect(event).toMatchObject({
      actorType: "admin_token",
      actorTokenId: token.id,
      actorLabel: "script",
      targetId: ws.id,
    });
    const other = await createTestOrganization(t.db);
    await expectAppError(
      listWorkspaces(t.db, principal, { organizationId: other.id }),
      "NOT_FOUND",
    );
  });

  it("a token's role is capped at its creator's, and only admins manage tokens", async () => {
    const org = await createTestOrganization(t.db);
    await expectAppError(
      createAdminToken(t.db, org.admin, { organizationId: org.id, name: "x", role: "owner" }),
      "FORBIDDEN",
    );
    const viewerToken = await createAdminToken(t.db, org.admin, {
      organizationId: org.id,
      name: "ro",
      role: "viewer",
    });
    expect(viewerToken.token.role).toBe("viewer");
    const ownerToken = await createAdminToken(t.db, org.owner, {
      organizationId: org.id,
      name: "root",
      role: "owner",
    });
    for (const caller of [org.viewer, org.approver]) {
      await expectAppError(
        createAdminToken(t.db, caller, { organizationId: org.id, name: "x", role: "viewer" }),
        "FORBIDDEN",
      );
      await expectAppError(listAdminTokens(t.db, caller, { organizationId: org.id }), "FORBIDDEN");
      await expectAppError(
        revokeAdminToken(t.db, caller, { organizationId: org.id, tokenId: viewerToken.token.id }),
        "FORBIDDEN",
      );
    }
    // An admin cannot switch off an owner's token either.
    await expectAppError(
      revokeAdminToken(t.db, org.admin, { organizationId: org.id, tokenId: ownerToken.token.id }),
      "FORBIDDEN",
    );
    // A viewer-role token cannot mint tokens: the ceiling applies to tokens as creators too.
    const asViewer = await verifyAdminToken(t.db, viewerToken.secret);
    if (!asViewer) throw new Error("token did not verify");
    await expectAppError(
      createAdminToken(t.db, asViewer, { organizationId: org.id, name: "y", role: "viewer" }),
      "FORBIDDEN",
    );
  });

  it("revoked and expired tokens are refused; revocation is recorded", async () => {
    const org = await createTestOrganization(t.db);
    const now = new Date();
    const { token, secret } = await createAdminToken(t.db, org.admin, {
      organizationId: org.id,
      name: "a",
      role: "admin",
    });
    const revoked = await revokeAdminToken(t.db, org.admin, {
      organizationId: org.id,
      tokenId: token.id,
    });
    expect(revoked.status).toBe("revoked");
    expect(await verifyAdminToken(t.db, secret)).toBeNull();
    expect(await auditEvents(t.db, org.id, "admin_token.revoked")).toHaveLength(1);
    const expiresAt = new Date(now.getTime() + 60_000);
    const expiring = await createAdminToken(
      t.db,
      org.admin,
      { organizationId: org.id, name: "b", role: "viewer", expiresAt },
      now,
    );
    expect(
      await verifyAdminToken(t.db, expiring.secret, new Date(expiresAt.getTime() - 1)),
    ).not.toBeNull();
    expect(await verifyAdminToken(t.db, expiring.secret, expiresAt)).toBeNull();
    expect(await verifyAdminToken(t.db, "sek_admin_nonsense")).toBeNull();
    const { generateSecret } = await import("../../src/secrets.js");
    expect(await verifyAdminToken(t.db, generateSecret("live").secret)).toBeNull();
  });

  it("keeps organizations apart", async () => {
    const a = await createTestOrganization(t.db);
    const b = await createTestOrganization(t.db);
    const theirs = await createAdminToken(t.db, b.owner, {
      organizationId: b.id,
      name: "b",
      role: "admin",
    });
    await expectAppError(
      createAdminToken(t.db, a.owner, { organizationId: b.id, name: "x", role: "viewer" }),
      "NOT_FOUND",
    );
    await expectAppError(listAdminTokens(t.db, a.owner, { organizationId: b.id }), "NOT_FOUND");
    for (const organizationId of [a.id, b.id]) {
      await expectAppError(
        revokeAdminToken(t.db, a.owner, { organizationId, tokenId: theirs.token.id }),
        "NOT_FOUND",
      );
    }
    // A token of A is no principal in B.
    const mine = await createAdminToken(t.db, a.owner, {
      organizationId: a.id,
      name: "a",
      role: "owner",
    });
    const principal = await verifyAdminToken(t.db, mine.secret);
    if (!principal) throw new Error("token did not verify");
    await expectAppError(listAdminTokens(t.db, principal, { organizationId: b.id }), "NOT_FOUND");
    expect(await verifyAdminToken(t.db, theirs.secret)).not.toBeNull();
  });

  it("a token whose commit fails after the audit insert never works", async () => {
    const org = await createTestOrganization(t.db);
    const restore = await failCommitsTouching(t.db, "AdminAuditEvent");
    let secret: string | undefined;
    try {
      await expect(
        createAdminToken(t.db, org.owner, {
          organizationId: org.id,
          name: "x",
          role: "admin",
        }).then((r) => {
          secret = r.secret;
        }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(secret).toBeUndefined();
    expect(await listAdminTokens(t.db, org.owner, { organizationId: org.id })).toEqual([]);
    expect(await auditEvents(t.db, org.id, "admin_token.created")).toEqual([]);
  });
});
