import type { Db } from "@sekuire/db";
import { getTemplate } from "@sekuire/policy-engine";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BLANK_POLICY_DOCUMENT,
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
  saveDraft,
} from "../../src/policies/index.js";
import {
  appError,
  auditActions,
  createPolicyTestOrganization,
  type PolicyTestOrganization,
  policyDocument,
  useTestDatabase,
} from "../../src/testing/index.js";

const database = useTestDatabase();
let db: Db;
let a: PolicyTestOrganization;
let b: PolicyTestOrganization;

beforeAll(async () => {
  db = database.db;
  a = await createPolicyTestOrganization(db);
  b = await createPolicyTestOrganization(db);
}, 120_000);

describe("creating policies", { timeout: 30_000 }, () => {
  it("starts from a seed template with its title, description and text", async () => {
    const { policy } = await createPolicy(db, a.admin, {
      organizationId: a.id,
      templateId: "production",
    });
    const template = getTemplate("production");
    expect(policy.name).toBe(template?.title);
    expect(policy.templateId).toBe("production");
    expect(policy.draftDocument).toBe(template?.text);
  });

  it("starts blank from a valid starter document", async () => {
    const { policy, findings } = await createPolicy(db, a.admin, {
      organizationId: a.id,
      name: "Blank",
    });
    expect(policy.draftDocument).toBe(BLANK_POLICY_DOCUMENT);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("refuses a bad input with pointers to the fields", async () => {
    const error = await appError(() =>
      createPolicy(db, a.admin, { organizationId: a.id, templateId: "nope" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details?.map((d) => d.pointer)).toContain("/templateId");
  });

  it("refuses an imported document with engine errors, storing nothing", async () => {
    const before = await db.policy.count({ where: { organizationId: a.id } });
    const error = await appError(() =>
      createPolicy(db, a.admin, { organizationId: a.id, name: "Bad", document: "{" }),
    );
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
    expect(await db.policy.count({ where: { organizationId: a.id } })).toBe(before);
  });

  it("needs the admin role: an approver and a viewer are FORBIDDEN", async () => {
    for (const who of [a.approver, a.viewer]) {
      const error = await appError(() =>
        createPolicy(db, who, { organizationId: a.id, name: "Nope" }),
      );
      expect(error.code).toBe("FORBIDDEN");
    }
  });

  it("is NOT_FOUND in another organization", async () => {
    const error = await appError(() =>
      createPolicy(db, a.admin, { organizationId: b.id, name: "Sneaky" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("drafts", { timeout: 30_000 }, () => {
  it("saves a valid draft and returns its warnings, recording policy.draft_saved", async () => {
    const { policy } = await createPolicy(db, a.admin, { organizationId: a.id, name: "Drafty" });
    const text = policyDocument({ sid: "Edited" });
    const saved = await saveDraft(db, a.admin, {
      organizationId: a.id,
      policyId: policy.id,
      document: text,
      name: "Drafty 2",
    });
    expect(saved.policy.draftDocument).toBe(text);
    expect(saved.policy.name).toBe("Drafty 2");
    const events = await db.adminAuditEvent.findMany({
      where: { organizationId: a.id, targetId: policy.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["policy.created", "policy.draft_saved"]);
    expect(events[1]?.actorUserId).toBe(a.admin.kind === "user" ? a.admin.userId : null);
  });

  it("refuses a draft with errors, with every finding's pointer and position, and keeps the old draft", async () => {
    const { policy } = await createPolicy(db, a.admin, { organizationId: a.id, name: "Strict" });
    const actionsBefore = await auditActions(db, a.id);
    const error = await appError(() =>
      saveDraft(db, a.admin, {
        organizationId: a.id,
        policyId: policy.id,
        document: '{\n  "Version": 1,\n  "Statement": 3\n}',
      }),
    );
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
    expect(error.details).toEqual([
      expect.objectContaining({ pointer: "/Version", code: "InvalidType", line: 2 }),
      expect.objectContaining({ pointer: "/Statement", code: "InvalidType", line: 3 }),
    ]);
    const stored = await getPolicy(db, a.viewer, { organizationId: a.id, policyId: policy.id });
    expect(stored.draftDocument).toBe(BLANK_POLICY_DOCUMENT);
    expect(await auditActions(db, a.id)).toEqual(actionsBefore);
  });

  it("a viewer cannot save; another organization's admin gets NOT_FOUND", async () => {
    const { policy } = await createPolicy(db, a.admin, { organizationId: a.id, name: "Guarded" });
    const input = { organizationId: a.id, policyId: policy.id, document: policyDocument() };
    expect((await appError(() => saveDraft(db, a.viewer, input))).code).toBe("FORBIDDEN");
    expect((await appError(() => saveDraft(db, b.admin, input))).code).toBe("NOT_FOUND");
    const crossed = { ...input, organizationId: b.id };
    expect((await appError(() => saveDraft(db, b.admin, crossed))).code).toBe("NOT_FOUND");
  });
});

describe("reading policies", { timeout: 30_000 }, () => {
  it("lists only the organization's own policies, for a viewer too", async () => {
    await createPolicy(db, b.admin, { organizationId: b.id, name: "B's own" });
    const listA = await listPolicies(db, a.viewer, { organizationId: a.id });
    const listB = await listPolicies(db, b.viewer, { organizationId: b.id });
    expect(listA.length).toBeGreaterThan(0);
    expect(listB.map((p) => p.name)).toEqual(["B's own"]);
    expect(listA.every((p) => p.organizationId === a.id)).toBe(true);
    expect(listA[0]).toMatchObject({ latestVersion: null, hasUnpublishedChanges: true });
  });

  it("get is NOT_FOUND for another organization's policy id, however it is asked", async () => {
    const { policy } = await createPolicy(db, b.admin, { organizationId: b.id, name: "Secret" });
    const viaOwnOrg = await appError(() =>
      getPolicy(db, a.admin, { organizationId: a.id, policyId: policy.id }),
    );
    const viaTheirOrg = await appError(() =>
      getPolicy(db, a.admin, { organizationId: b.id, policyId: policy.id }),
    );
    expect(viaOwnOrg.code).toBe("NOT_FOUND");
    expect(viaTheirOrg.code).toBe("NOT_FOUND");
    expect((await appError(() => listPolicies(db, a.owner, { organizationId: b.id }))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("deleting policies", { timeout: 30_000 }, () => {
  it("deletes with policy.deleted; others cannot", async () => {
    const { policy } = await createPolicy(db, a.admin, { organizationId: a.id, name: "Doomed" });
    const ref = { organizationId: a.id, policyId: policy.id };
    expect((await appError(() => deletePolicy(db, a.approver, ref))).code).toBe("FORBIDDEN");
    expect((await appError(() => deletePolicy(db, b.admin, ref))).code).toBe("NOT_FOUND");
    expect(
      (await appError(() => deletePolicy(db, b.admin, { ...ref, organizationId: b.id }))).code,
    ).toBe("NOT_FOUND");
    await deletePolicy(db, a.admin, ref);
    expect((await appError(() => getPolicy(db, a.admin, ref))).code).toBe("NOT_FOUND");
    const event = await db.adminAuditEvent.findFirst({
      where: { organizationId: a.id, targetId: policy.id, action: "policy.deleted" },
    });
    expect(event).not.toBeNull();
  });
});
