import { describe, expect, it } from "vitest";
import { createAdminToken, revokeAdminToken } from "../../src/admin-tokens/index.js";
import {
  createAgent,
  createApiKey,
  deleteAgent,
  revokeApiKey,
  rotateApiKey,
  setAgentFrozen,
} from "../../src/agents/index.js";
import {
  acceptInvitation,
  changeRole,
  createInvitation,
  leaveOrganization,
  removeMember,
  revokeInvitation,
} from "../../src/members/index.js";
import { createOrganization, updateOrganization } from "../../src/organizations/index.js";
import { addMember, createUser, emailOf, useTestDatabase } from "../../src/testing/index.js";
import { createWorkspace, deleteWorkspace, updateWorkspace } from "../../src/workspaces/index.js";

const t = useTestDatabase();

/** Where the calls come from: every event must record it (IPv4-mapped IPv6 is stored as IPv4). */
const ORIGIN = { ip: "::ffff:203.0.113.7", userAgent: "sekuire-cli/1.2 (linux)" };
const RECORDED = { ip: "203.0.113.7", userAgent: "sekuire-cli/1.2 (linux)" };

describe("every write leaves its audit event", () => {
  it("one event per change, in order, naming the actor and where the call came from", async () => {
    const owner = { ...(await createUser(t.db, "owner")), origin: ORIGIN };
    const { id: organizationId } = await createOrganization(t.db, owner, { name: "Trail" });
    const o = { organizationId };
    // Separate calls: events of one transaction share its timestamp (Postgres now()), so their
    // relative order in this list would be arbitrary.
    await updateOrganization(t.db, owner, { ...o, name: "Trail 2" });
    await updateOrganization(t.db, owner, { ...o, requireFourEyes: true });

    const first = await createInvitation(t.db, owner, {
      ...o,
      email: "gone@example.test",
      role: "viewer",
    });
    await revokeInvitation(t.db, owner, { ...o, invitationId: first.invitation.id });
    const joiner = { ...(await createUser(t.db, "joiner")), origin: ORIGIN };
    const { token } = await createInvitation(t.db, owner, {
      ...o,
      email: await emailOf(t.db, joiner),
      role: "viewer",
    });
    await acceptInvitation(t.db, joiner, { token });
    await changeRole(t.db, owner, { ...o, userId: joiner.userId, role: "approver" });
    await leaveOrganization(t.db, joiner, o);
    const removed = await addMember(t.db, organizationId, "viewer");
    await removeMember(t.db, owner, { ...o, userId: removed.userId });

    const ws = await createWorkspace(t.db, owner, { ...o, name: "W" });
    await updateWorkspace(t.db, owner, { ...o, workspaceId: ws.id, name: "W2" });
    const agent = await createAgent(t.db, owner, { ...o, workspaceId: ws.id, name: "a" });
    await setAgentFrozen(t.db, owner, { ...o, agentId: agent.id, frozen: true });
    await setAgentFrozen(t.db, owner, { ...o, agentId: agent.id, frozen: false });
    const key = await createApiKey(t.db, owner, { ...o, agentId: agent.id });
    const rotated = await rotateApiKey(t.db, owner, {
      ...o,
      keyId: key.key.id,
      gracePeriodSeconds: 60,
    });
    await revokeApiKey(t.db, owner, { ...o, keyId: rotated.key.id });
    await deleteAgent(t.db, owner, { ...o, agentId: agent.id });
    await deleteWorkspace(t.db, owner, { ...o, workspaceId: ws.id });

    const adminToken = await createAdminToken(t.db, owner, { ...o, name: "t", role: "admin" });
    await revokeAdminToken(t.db, owner, { ...o, tokenId: adminToken.token.id });

    const events = await t.db.adminAuditEvent.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(events.map((e) => e.action)).toEqual([
      "organization.created",
      "organization.renamed",
      "organization.four_eyes_changed",
      "member.invited",
      "invitation.revoked",
      "member.invited",
      "member.joined",
      "member.role_changed",
      "member.left",
      "member.removed",
      "workspace.created",
      "workspace.updated",
      "agent.created",
      "agent.frozen",
      "agent.unfrozen",
      "api_key.created",
      "api_key.rotated",
      "api_key.revoked",
      "agent.deleted",
      "workspace.deleted",
      "admin_token.created",
      "admin_token.revoked",
    ]);
    const joinerActions = ["member.joined", "member.left"];
    for (const event of events) {
      expect(event.actorType).toBe("user");
      expect(event.actorUserId).toBe(
        joinerActions.includes(event.action) ? joiner.userId : owner.userId,
      );
      expect({ action: event.action, ip: event.ip, userAgent: event.userAgent }).toEqual({
        action: event.action,
        ...RECORDED,
      });
    }
  });
});
