import { describe, expect, it } from "vitest";
import {
  createAgent,
  createApiKey,
  deleteAgent,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  setAgentFrozen,
  verifyApiKey,
} from "../../src/agents/index.js";
import { hashSecret } from "../../src/secrets.js";
import {
  auditEvents,
  createTestOrganization,
  expectAppError,
  failAuditInserts,
  failCommitsTouching,
  type TestOrganization,
  useTestDatabase,
} from "../../src/testing/index.js";
import { createWorkspace } from "../../src/workspaces/index.js";

const t = useTestDatabase();
const HOUR = 60 * 60 * 1000;

async function orgWithAgent(): Promise<
  TestOrganization & { workspaceId: string; agentId: string }
> {
  const org = await createTestOrganization(t.db);
  const ws = await createWorkspace(t.db, org.owner, { organizationId: org.id, name: "Prod" });
  const agent = await createAgent(t.db, org.owner, {
    organizationId: org.id,
    workspaceId: ws.id,
    name: "bot",
  });
  return { ...org, workspaceId: ws.id, agentId: agent.id };
}

describe("API keys", () => {
  it("returns the secret once and stores only its hash, prefix and last four", async () => {
    const org = await orgWithAgent();
    const { key, secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
      name: "ci",
    });
    expect(secret).toMatch(/^sek_live_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/);
    expect(key).toMatchObject({
      prefix: secret.slice(0, 13),
      lastFour: secret.slice(-4),
      status: "active",
    });
    expect(key.display).toBe(`${secret.slice(0, 13)}…${secret.slice(-4)}`);
    expect(key).not.toHaveProperty("secretHash");
    const row = await t.db.apiKey.findFirstOrThrow({
      where: { organizationId: org.id, id: key.id },
    });
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(Object.values(row).map(String)).not.toContain(secret);
    const listed = await listApiKeys(t.db, org.viewer, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(row.secretHash);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const [event] = await auditEvents(t.db, org.id, "api_key.created");
    expect(event).toMatchObject({
      actorUserId: org.admin.userId,
      targetType: "api_key",
      targetId: key.id,
    });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it("verifies a live key and names its organization, workspace, agent and key", async () => {
    const org = await orgWithAgent();
    const { key, secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    const now = new Date();
    expect(await verifyApiKey(t.db, secret, now)).toEqual({
      valid: true,
      organizationId: org.id,
      workspaceId: org.workspaceId,
      agentId: org.agentId,
      keyId: key.id,
      agentFrozen: false,
    });
    const row = await t.db.apiKey.findFirstOrThrow({
      where: { organizationId: org.id, id: key.id },
    });
    expect(row.lastUsedAt?.getTime()).toBe(now.getTime());
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const org = await orgWithAgent();
    const { key, secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    const t0 = new Date();
    await verifyApiKey(t.db, secret, t0);
    await verifyApiKey(t.db, secret, new Date(t0.getTime() + 30_000));
    const lastUsed = async () =>
      (
        await t.db.apiKey.findFirstOrThrow({ where: { organizationId: org.id, id: key.id } })
      ).lastUsedAt?.getTime();
    expect(await lastUsed()).toBe(t0.getTime());
    await verifyApiKey(t.db, secret, new Date(t0.getTime() + 61_000));
    expect(await lastUsed()).toBe(t0.getTime() + 61_000);
  });

  it("refuses malformed and unknown secrets without naming anything", async () => {
    const org = await orgWithAgent();
    const { secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    const typo = `${secret.slice(0, 20)}${secret[20] === "a" ? "b" : "a"}${secret.slice(21)}`;
    expect(await verifyApiKey(t.db, typo)).toEqual({ valid: false, reason: "malformed" });
    expect(await verifyApiKey(t.db, "Bearer nonsense")).toEqual({
      valid: false,
      reason: "malformed",
    });
    expect(await verifyApiKey(t.db, 42)).toEqual({ valid: false, reason: "malformed" });
    const { generateSecret } = await import("../../src/secrets.js");
    expect(await verifyApiKey(t.db, generateSecret("live").secret)).toEqual({
      valid: false,
      reason: "unknown",
    });
    expect(await verifyApiKey(t.db, generateSecret("admin").secret)).toEqual({
      valid: false,
      reason: "malformed",
    });
  });

  it("a revoked key stops working at once and the revocation is recorded", async () => {
    const org = await orgWithAgent();
    const { key, secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    const revoked = await revokeApiKey(t.db, org.admin, { organizationId: org.id, keyId: key.id });
    expect(revoked.status).toBe("revoked");
    expect(await verifyApiKey(t.db, secret)).toEqual({ valid: false, reason: "revoked" });
    expect(await auditEvents(t.db, org.id, "api_key.revoked")).toHaveLength(1);
    // Revoking again changes nothing and records nothing.
    await revokeApiKey(t.db, org.admin, { organizationId: org.id, keyId: key.id });
    expect(await auditEvents(t.db, org.id, "api_key.revoked")).toHaveLength(1);
  });

  it("an expired key is refused; a past expiry is refused at creation", async () => {
    const org = await orgWithAgent();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + HOUR);
    const { key, secret } = await createApiKey(
      t.db,
      org.admin,
      { organizationId: org.id, agentId: org.agentId, expiresAt: expiresAt.toISOString() },
      now,
    );
    expect(key.expiresAt?.getTime()).toBe(expiresAt.getTime());
    expect((await verifyApiKey(t.db, secret, new Date(expiresAt.getTime() - 1))).valid).toBe(true);
    expect(await verifyApiKey(t.db, secret, expiresAt)).toEqual({
      valid: false,
      reason: "expired",
    });
    const [listed] = await listApiKeys(
      t.db,
      org.admin,
      { organizationId: org.id, agentId: org.agentId },
      expiresAt,
    );
    expect(listed?.status).toBe("expired");
    const error = await expectAppError(
      createApiKey(
        t.db,
        org.admin,
        { organizationId: org.id, agentId: org.agentId, expiresAt: new Date(now.getTime() - 1) },
        now,
      ),
      "BAD_REQUEST",
    );
    expect(error.details?.[0]?.pointer).toBe("/expiresAt");
  });

  it("rotation: the old key works within the grace period and is refused after it", async () => {
    const org = await orgWithAgent();
    const now = new Date();
    const old = await createApiKey(
      t.db,
      org.admin,
      { organizationId: org.id, agentId: org.agentId },
      now,
    );
    const rotated = await rotateApiKey(
      t.db,
      org.admin,
      { organizationId: org.id, keyId: old.key.id, gracePeriodSeconds: 3600 },
      now,
    );
    expect(rotated.secret).not.toBe(old.secret);
    expect(rotated.key.rotatedFromId).toBe(old.key.id);
    expect(rotated.previous).toMatchObject({ id: old.key.id, status: "rotating" });
    const within = new Date(now.getTime() + HOUR - 1);
    const after = new Date(now.getTime() + HOUR);
    expect(await verifyApiKey(t.db, old.secret, within)).toMatchObject({
      valid: true,
      keyId: old.key.id,
    });
    expect(await verifyApiKey(t.db, old.secret, after)).toEqual({
      valid: false,
      reason: "rotated",
    });
    expect(await verifyApiKey(t.db, rotated.secret, after)).toMatchObject({
      valid: true,
      keyId: rotated.key.id,
    });
    const [event] = await auditEvents(t.db, org.id, "api_key.rotated");
    expect(event?.targetId).toBe(old.key.id);
    expect(event?.details).toMatchObject({ newKeyId: rotated.key.id });
    // Rotated once: the successor is the one to rotate next.
    await expectAppError(
      rotateApiKey(
        t.db,
        org.admin,
        { organizationId: org.id, keyId: old.key.id, gracePeriodSeconds: 0 },
        within,
      ),
      "CONFLICT",
    );
  });

  it("rotation with no grace ends the old key now; revoked keys cannot be rotated", async () => {
    const org = await orgWithAgent();
    const now = new Date();
    const old = await createApiKey(
      t.db,
      org.admin,
      { organizationId: org.id, agentId: org.agentId },
      now,
    );
    const rotated = await rotateApiKey(
      t.db,
      org.admin,
      { organizationId: org.id, keyId: old.key.id, gracePeriodSeconds: 0 },
      now,
    );
    expect(await verifyApiKey(t.db, old.secret, now)).toEqual({ valid: false, reason: "rotated" });
    await revokeApiKey(t.db, org.admin, { organizationId: org.id, keyId: rotated.key.id });
    await expectAppError(
      rotateApiKey(t.db, org.admin, {
        organizationId: org.id,
        keyId: rotated.key.id,
        gracePeriodSeconds: 60,
      }),
      "PRECONDITION_FAILED",
    );
    const error = await expectAppError(
      rotateApiKey(t.db, org.admin, {
        organizationId: org.id,
        keyId: rotated.key.id,
        gracePeriodSeconds: -1,
      }),
      "BAD_REQUEST",
    );
    expect(error.details?.[0]?.pointer).toBe("/gracePeriodSeconds");
  });

  it("a frozen agent's key authenticates but says the agent is frozen; a deleted agent's key is unknown", async () => {
    const org = await orgWithAgent();
    const { secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    await setAgentFrozen(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
      frozen: true,
    });
    expect(await verifyApiKey(t.db, secret)).toMatchObject({ valid: true, agentFrozen: true });
    await deleteAgent(t.db, org.admin, { organizationId: org.id, agentId: org.agentId });
    expect(await verifyApiKey(t.db, secret)).toEqual({ valid: false, reason: "unknown" });
  });

  it("viewers and approvers cannot create, revoke or rotate keys", async () => {
    const org = await orgWithAgent();
    const { key } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    for (const caller of [org.viewer, org.approver]) {
      await expectAppError(
        createApiKey(t.db, caller, { organizationId: org.id, agentId: org.agentId }),
        "FORBIDDEN",
      );
      await expectAppError(
        revokeApiKey(t.db, caller, { organizationId: org.id, keyId: key.id }),
        "FORBIDDEN",
      );
      await expectAppError(
        rotateApiKey(t.db, caller, {
          organizationId: org.id,
          keyId: key.id,
          gracePeriodSeconds: 60,
        }),
        "FORBIDDEN",
      );
    }
  });

  it("keeps organizations apart for reads and writes", async () => {
    const a = await orgWithAgent();
    const b = await orgWithAgent();
    const theirs = await createApiKey(t.db, b.owner, { organizationId: b.id, agentId: b.agentId });
    for (const organizationId of [a.id, b.id]) {
      await expectAppError(
        createApiKey(t.db, a.owner, { organizationId, agentId: b.agentId }),
        "NOT_FOUND",
      );
      await expectAppError(
        listApiKeys(t.db, a.owner, { organizationId, agentId: b.agentId }),
        "NOT_FOUND",
      );
      await expectAppError(
        revokeApiKey(t.db, a.owner, { organizationId, keyId: theirs.key.id }),
        "NOT_FOUND",
      );
      await expectAppError(
        rotateApiKey(t.db, a.owner, {
          organizationId,
          keyId: theirs.key.id,
          gracePeriodSeconds: 0,
        }),
        "NOT_FOUND",
      );
    }
    expect(await verifyApiKey(t.db, theirs.secret)).toMatchObject({
      valid: true,
      organizationId: b.id,
    });
  });

  it("a key whose commit fails after the audit insert never works", async () => {
    const org = await orgWithAgent();
    const restore = await failCommitsTouching(t.db, "ApiKey");
    try {
      await expect(
        createApiKey(t.db, org.admin, { organizationId: org.id, agentId: org.agentId }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(
      await listApiKeys(t.db, org.admin, { organizationId: org.id, agentId: org.agentId }),
    ).toEqual([]);
    expect(await auditEvents(t.db, org.id, "api_key.created")).toEqual([]);
  });

  it("a revocation that cannot be recorded does not happen", async () => {
    const org = await orgWithAgent();
    const { key, secret } = await createApiKey(t.db, org.admin, {
      organizationId: org.id,
      agentId: org.agentId,
    });
    const restore = await failAuditInserts(t.db);
    try {
      await expect(
        revokeApiKey(t.db, org.admin, { organizationId: org.id, keyId: key.id }),
      ).rejects.toThrow();
      await expect(
        rotateApiKey(t.db, org.admin, {
          organizationId: org.id,
          keyId: key.id,
          gracePeriodSeconds: 0,
        }),
      ).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await verifyApiKey(t.db, secret)).toMatchObject({ valid: true });
    expect(
      await listApiKeys(t.db, org.admin, { organizationId: org.id, agentId: org.agentId }),
    ).toHaveLength(1);
  });
});
