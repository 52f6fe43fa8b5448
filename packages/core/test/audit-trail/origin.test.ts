/**
 * Every audit event records where its change came from: the principal's origin, checked once
 * in recordAudit (a valid IP or nothing, a user agent of at most 512 characters). The policy
 * writes are covered here; every-write.test.ts covers the others.
 */
import { describe, expect, it } from "vitest";
import { MAX_USER_AGENT_LENGTH, normalizeOrigin } from "../../src/access/index.js";
import { recordAudit } from "../../src/audit/index.js";
import { updateOrganization } from "../../src/organizations/index.js";
import {
  approvePublishRequest,
  assignPolicy,
  changeAssignment,
  createPolicy,
  deletePolicy,
  publishPolicy,
  rejectPublishRequest,
  restoreVersion,
  saveDraft,
  unassignPolicy,
} from "../../src/policies/index.js";
import {
  createPolicyTestOrganization,
  policyDocument,
  useTestDatabase,
} from "../../src/testing/index.js";

const t = useTestDatabase();

/** The events the organization's set-up recorded, to leave out. */
async function eventIds(organizationId: string): Promise<string[]> {
  const events = await t.db.adminAuditEvent.findMany({ where: { organizationId } });
  return events.map((e) => e.id);
}

describe("normalizeOrigin", () => {
  it("keeps valid IPs, drops anything else, and cuts long user agents", () => {
    expect(normalizeOrigin({ ip: " 198.51.100.4 ", userAgent: " curl/8.5 " })).toEqual({
      ip: "198.51.100.4",
      userAgent: "curl/8.5",
    });
    expect(normalizeOrigin({ ip: "2001:DB8::1" })).toEqual({ ip: "2001:db8::1" });
    expect(normalizeOrigin({ ip: "::ffff:10.0.0.1" })).toEqual({ ip: "10.0.0.1" });
    for (const ip of ["not an ip", "10.0.0.1, 10.0.0.2", "10.0.0.1:443", "", "999.1.1.1"])
      expect(normalizeOrigin({ ip })).toEqual({});
    expect(normalizeOrigin({ userAgent: "  \n " })).toEqual({});
    expect(normalizeOrigin({ userAgent: "a\r\nX-Evil: 1" })).toEqual({ userAgent: "a  X-Evil: 1" });
    const long = normalizeOrigin({ userAgent: "é".repeat(2000) }).userAgent ?? "";
    expect(long).toBe("é".repeat(MAX_USER_AGENT_LENGTH));
  });
});

describe("policy writes record the origin", () => {
  it("on every event, whoever of the admins acted", async () => {
    const origin = { ip: "192.0.2.10", userAgent: "Mozilla/5.0 (console test)" };
    const org = await createPolicyTestOrganization(t.db);
    const admin = { ...org.admin, origin };
    const admin2 = { ...org.admin2, origin };
    const owner = { ...org.owner, origin };
    const o = { organizationId: org.id };
    const setUp = await eventIds(org.id);

    const { policy } = await createPolicy(t.db, admin, {
      ...o,
      name: "P",
      document: policyDocument(),
    });
    const policyId = policy.id;
    await saveDraft(t.db, admin, { ...o, policyId, document: policyDocument({ maxTokens: 5 }) });
    const v1 = await publishPolicy(t.db, admin, { ...o, policyId, changeNote: "one" });
    if (!v1.version) throw new Error("not published");
    await restoreVersion(t.db, admin, { ...o, versionId: v1.version.id });
    const assignment = await assignPolicy(t.db, admin, {
      ...o,
      workspaceId: org.workspace,
      policyId,
    });
    await changeAssignment(t.db, admin, {
      ...o,
      assignmentId: assignment.id,
      pinnedVersionId: v1.version.id,
    });
    await unassignPolicy(t.db, admin, { ...o, assignmentId: assignment.id });
    await updateOrganization(t.db, owner, { ...o, requireFourEyes: true });
    const asked = await publishPolicy(t.db, admin, {
      ...o,
      policyId,
      changeNote: "two",
      document: policyDocument({ maxTokens: 6 }),
    });
    if (!asked.request) throw new Error("no publish request");
    await approvePublishRequest(t.db, admin2, { ...o, requestId: asked.request.id });
    const again = await publishPolicy(t.db, admin, {
      ...o,
      policyId,
      changeNote: "three",
      document: policyDocument({ maxTokens: 7 }),
    });
    if (!again.request) throw new Error("no publish request");
    await rejectPublishRequest(t.db, admin2, { ...o, requestId: again.request.id });
    await deletePolicy(t.db, admin, { ...o, policyId });

    const events = await t.db.adminAuditEvent.findMany({
      where: { ...o, id: { notIn: setUp } },
    });
    expect(new Set(events.map((e) => e.action))).toEqual(
      new Set([
        "policy.created",
        "policy.draft_saved",
        "policy.published",
        "policy.restored",
        "assignment.created",
        "assignment.changed",
        "assignment.removed",
        "organization.four_eyes_changed",
        "policy.publish_requested",
        "policy.publish_approved",
        "policy.publish_rejected",
        "policy.deleted",
      ]),
    );
    for (const event of events)
      expect({ action: event.action, ip: event.ip, userAgent: event.userAgent }).toEqual({
        action: event.action,
        ...origin,
      });
  });

  it("a caller without an origin records none, and a bad one is not stored", async () => {
    const org = await createPolicyTestOrganization(t.db);
    const setUp = await eventIds(org.id);
    await createPolicy(t.db, org.admin, { organizationId: org.id, name: "Plain" });
    const forged = { ...org.admin, origin: { ip: "evil, 1.2.3.4", userAgent: "x".repeat(600) } };
    await createPolicy(t.db, forged, { organizationId: org.id, name: "Forged" });
    await t.db.$transaction((tx) =>
      recordAudit(tx, {
        organizationId: org.id,
        actor: { kind: "system" },
        action: "test.sign_in_style",
        ip: "203.0.113.9",
        userAgent: "direct fields still work",
      }),
    );
    const events = await t.db.adminAuditEvent.findMany({
      where: { organizationId: org.id, id: { notIn: setUp } },
    });
    const recorded = Object.fromEntries(
      events.map((e) => [
        (e.details as { name?: string } | null)?.name ?? e.action,
        { ip: e.ip, userAgent: e.userAgent },
      ]),
    );
    expect(recorded).toEqual({
      Plain: { ip: null, userAgent: null },
      Forged: { ip: null, userAgent: "x".repeat(MAX_USER_AGENT_LENGTH) },
      "test.sign_in_style": { ip: "203.0.113.9", userAgent: "direct fields still work" },
    });
  });
});
