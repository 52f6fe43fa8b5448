/**
 * The procedures doing their jobs end to end through the router (core's own tests cover the
 * rules in depth): what comes back is plain JSON, and errors keep core's codes and details.
 */
import { AppError } from "@sekuire/core/errors";
import {
  BROKEN_DOCUMENT,
  createUser,
  policyDocument,
  useTestDatabase,
} from "@sekuire/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildWorld,
  type Caller,
  callerFor,
  expectTRPCError,
  type World,
} from "./support/world.js";

const database = useTestDatabase();
let w: World;
let asAdmin: Caller;
let org: { organizationId: string };

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

beforeAll(async () => {
  w = await buildWorld(database.db);
  asAdmin = callerFor(database.db, w.admin);
  org = { organizationId: w.organizationId };
}, 60_000);

describe("policies", () => {
  it("publish errors carry the engine findings' pointers in the error's details", async () => {
    const error = await expectTRPCError(
      asAdmin.policies.publish({
        ...org,
        policyId: w.policyId,
        changeNote: "broken",
        document: BROKEN_DOCUMENT,
      }),
      "UNPROCESSABLE_CONTENT",
    );
    expect(error.cause).toBeInstanceOf(AppError);
    const details = (error.cause as AppError).details ?? [];
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => d.pointer.startsWith("/Statement/0") && d.line === 3)).toBe(true);
  });

  it("four eyes: another admin approves the pending request, creating version 3", async () => {
    await expectTRPCError(
      asAdmin.policies.approvePublishRequest({ ...org, requestId: w.publishRequestId }),
      "FORBIDDEN",
    );
    const approved = await callerFor(database.db, w.admin2).policies.approvePublishRequest({
      ...org,
      requestId: w.publishRequestId,
    });
    expect(approved).toBeDefined();
    const versions = await asAdmin.policies.listVersions({ ...org, policyId: w.policyId });
    expect(versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(versions[0]?.createdAt).toMatch(ISO);
  });

  it("diffs two versions and restores the first as the draft", async () => {
    const diff = await asAdmin.policies.diffVersions({
      ...org,
      fromVersionId: w.versionId,
      toVersionId: w.version2Id,
    });
    expect(diff).toMatchObject({ added: 1, removed: 1 });
    const restored = await asAdmin.policies.restoreVersion({ ...org, versionId: w.versionId });
    expect(restored.policy.draftDocument).toBe(policyDocument({ sid: "V1" }));
    const policy = await asAdmin.policies.get({ ...org, policyId: w.policyId });
    expect(policy.hasUnpublishedChanges).toBe(true);
  });

  it("a rejected request is closed", async () => {
    const pending = await asAdmin.policies.publish({
      ...org,
      policyId: w.policyId,
      changeNote: "rejected one",
    });
    if (!pending.request) throw new Error("expected a pending request");
    await callerFor(database.db, w.admin2).policies.rejectPublishRequest({
      ...org,
      requestId: pending.request.id,
      note: "not now",
    });
    const rejected = await asAdmin.policies.listPublishRequests({ ...org, status: "rejected" });
    expect(rejected.map((r) => r.id)).toEqual([pending.request.id]);
  });

  it("assignments: pin, list, effective settings, unassign; then the policy may be deleted", async () => {
    const ws = { ...org, workspaceId: w.workspaceId };
    await asAdmin.assignments.change({
      ...org,
      assignmentId: w.assignmentId,
      pinnedVersionId: w.versionId,
    });
    const [assignment] = await asAdmin.assignments.listForWorkspace(ws);
    expect(assignment?.liveVersion?.id).toBe(w.versionId);
    const settings = await asAdmin.assignments.effectiveSettings(ws);
    expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
    await expectTRPCError(asAdmin.policies.delete({ ...org, policyId: w.policyId }), "CONFLICT");
    await asAdmin.assignments.unassign({ ...org, assignmentId: w.assignmentId });
    await asAdmin.policies.delete({ ...org, policyId: w.policyId });
    await expectTRPCError(asAdmin.policies.get({ ...org, policyId: w.policyId }), "NOT_FOUND");
  });
});

describe("agents and keys", () => {
  it("rotates a key: the new secret is shown once, the old key keeps working for the grace", async () => {
    const rotated = await asAdmin.apiKeys.rotate({
      ...org,
      keyId: w.keyId,
      gracePeriodSeconds: 600,
    });
    expect(rotated.secret).toMatch(/^sek_live_/);
    expect(rotated.previous.status).toBe("rotating");
    expect(rotated.previous.graceUntil).toMatch(ISO);
    const keys = await asAdmin.apiKeys.list({ ...org, agentId: w.agentId });
    expect(keys.map((k) => k.status).sort()).toEqual(["active", "rotating"]);
    const revoked = await asAdmin.apiKeys.revoke({ ...org, keyId: rotated.key.id });
    expect(revoked.status).toBe("revoked");
  });

  it("freezes and deletes an agent", async () => {
    const frozen = await asAdmin.agents.setFrozen({ ...org, agentId: w.agentId, frozen: true });
    expect(frozen.frozen).toBe(true);
    await asAdmin.agents.delete({ ...org, agentId: w.agentId });
    await expectTRPCError(asAdmin.agents.get({ ...org, agentId: w.agentId }), "NOT_FOUND");
  });
});

describe("members", () => {
  it("an invitation is accepted once by its addressee", async () => {
    const invitee = await createUser(database.db, "invitee");
    const created = await asAdmin.members.invitations.create({
      ...org,
      email: invitee.label ?? "",
      role: "approver",
    });
    expect(created.invitation.expiresAt).toMatch(ISO);
    const asInvitee = callerFor(database.db, invitee);
    await expect(asInvitee.members.invitations.accept({ token: created.token })).resolves.toEqual({
      organizationId: w.organizationId,
      role: "approver",
    });
    await expectTRPCError(
      asInvitee.members.invitations.accept({ token: created.token }),
      "PRECONDITION_FAILED",
    );
    const members = await asAdmin.members.list(org);
    expect(members.find((m) => m.userId === invitee.userId)?.role).toBe("approver");
  });

  it("the last owner cannot leave; an admin cannot make an owner", async () => {
    await expectTRPCError(callerFor(database.db, w.owner).members.leave(org), [
      "PRECONDITION_FAILED",
      "CONFLICT",
      "FORBIDDEN",
    ]);
    await expectTRPCError(
      asAdmin.members.changeRole({ ...org, userId: w.viewer.userId, role: "owner" }),
      "FORBIDDEN",
    );
  });
});

describe("the audit trail", () => {
  it("lists the changes made through the API with their actors, newest first", async () => {
    const page = await asAdmin.audit.list({ ...org, limit: 200 });
    const actions = page.items.map((e) => e.action);
    expect(actions).toContain("policy.published");
    expect(actions).toContain("api_key.rotated");
    expect(page.items[0]?.createdAt).toMatch(ISO);
  });
});
