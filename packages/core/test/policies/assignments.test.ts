import type { Db } from "@sekuire/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  assignPolicy,
  changeAssignment,
  createPolicy,
  deletePolicy,
  effectiveWorkspaceSettings,
  listWorkspaceAssignments,
  liveDocuments,
  publishPolicy,
  unassignPolicy,
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

/** A policy with one published version per document, returning the versions' ids in order. */
async function published(org: PolicyTestOrganization, name: string, documents: string[]) {
  const { policy } = await createPolicy(db, org.admin, {
    organizationId: org.id,
    name,
    document: documents[0],
  });
  const versions: string[] = [];
  for (const document of documents) {
    const { version } = await publishPolicy(db, org.admin, {
      organizationId: org.id,
      policyId: policy.id,
      changeNote: "v",
      document,
    });
    versions.push(version?.id ?? "");
  }
  return { policyId: policy.id, versions };
}

describe("assignments", { timeout: 30_000 }, () => {
  it("follows the latest version, or stays on a pinned one", async () => {
    const { policyId, versions } = await published(a, "Pinnable", [
      policyDocument({ maxTokens: 1 }),
      policyDocument({ maxTokens: 2 }),
    ]);
    const assignment = await assignPolicy(db, a.admin, {
      organizationId: a.id,
      workspaceId: a.workspace,
      policyId,
    });
    const live = async () =>
      (await liveDocuments(db, { organizationId: a.id, workspaceId: a.workspace })).find(
        (d) => d.policyId === policyId,
      );
    expect(await live()).toMatchObject({ versionNumber: 2, pinned: false });

    await changeAssignment(db, a.admin, {
      organizationId: a.id,
      assignmentId: assignment.id,
      pinnedVersionId: versions[0],
    });
    expect(await live()).toMatchObject({ versionNumber: 1, pinned: true });
    await publishPolicy(db, a.admin, {
      organizationId: a.id,
      policyId,
      changeNote: "three",
      document: policyDocument({ maxTokens: 3 }),
    });
    expect(await live()).toMatchObject({ versionNumber: 1, pinned: true });

    await changeAssignment(db, a.admin, {
      organizationId: a.id,
      assignmentId: assignment.id,
      pinnedVersionId: null,
    });
    expect(await live()).toMatchObject({ versionNumber: 3, pinned: false });

    const listed = await listWorkspaceAssignments(db, a.viewer, {
      organizationId: a.id,
      workspaceId: a.workspace,
    });
    expect(listed.find((x) => x.id === assignment.id)).toMatchObject({
      policy: { id: policyId, name: "Pinnable" },
      pinnedVersion: null,
      liveVersion: { number: 3 },
    });

    await unassignPolicy(db, a.admin, { organizationId: a.id, assignmentId: assignment.id });
    expect(await live()).toBeUndefined();
    expect(await auditActions(db, a.id)).toEqual(
      expect.arrayContaining(["assignment.created", "assignment.changed", "assignment.removed"]),
    );
  });

  it("refuses a pin to another policy's version, and a second assignment of the same policy", async () => {
    const one = await published(a, "One", [policyDocument()]);
    const two = await published(a, "Two", [policyDocument()]);
    const before = await auditActions(db, a.id);
    const wrongPin = await appError(() =>
      assignPolicy(db, a.admin, {
        organizationId: a.id,
        workspaceId: a.workspace2,
        policyId: one.policyId,
        pinnedVersionId: two.versions[0],
      }),
    );
    expect(wrongPin.code).toBe("NOT_FOUND");
    expect(await auditActions(db, a.id)).toEqual(before);

    const assignment = await assignPolicy(db, a.admin, {
      organizationId: a.id,
      workspaceId: a.workspace2,
      policyId: one.policyId,
    });
    const repin = await appError(() =>
      changeAssignment(db, a.admin, {
        organizationId: a.id,
        assignmentId: assignment.id,
        pinnedVersionId: two.versions[0],
      }),
    );
    expect(repin.code).toBe("NOT_FOUND");
    const twice = await appError(() =>
      assignPolicy(db, a.admin, {
        organizationId: a.id,
        workspaceId: a.workspace2,
        policyId: one.policyId,
      }),
    );
    expect(twice.code).toBe("CONFLICT");
  });

  it("keeps organizations apart: workspaces, policies, versions and assignments of another are NOT_FOUND", async () => {
    const mine = await published(a, "Mine", [policyDocument()]);
    const theirs = await published(b, "Theirs", [policyDocument()]);
    const theirAssignment = await assignPolicy(db, b.admin, {
      organizationId: b.id,
      workspaceId: b.workspace,
      policyId: theirs.policyId,
    });
    const checks = [
      // my policy into their workspace, their policy into my workspace
      () =>
        assignPolicy(db, a.admin, {
          organizationId: a.id,
          workspaceId: b.workspace,
          policyId: mine.policyId,
        }),
      () =>
        assignPolicy(db, a.admin, {
          organizationId: a.id,
          workspaceId: a.workspace,
          policyId: theirs.policyId,
        }),
      () =>
        assignPolicy(db, a.admin, {
          organizationId: a.id,
          workspaceId: a.workspace,
          policyId: mine.policyId,
          pinnedVersionId: theirs.versions[0],
        }),
      () =>
        changeAssignment(db, a.admin, {
          organizationId: a.id,
          assignmentId: theirAssignment.id,
          pinnedVersionId: null,
        }),
      () => unassignPolicy(db, a.admin, { organizationId: a.id, assignmentId: theirAssignment.id }),
      () => unassignPolicy(db, a.admin, { organizationId: b.id, assignmentId: theirAssignment.id }),
      () =>
        listWorkspaceAssignments(db, a.admin, { organizationId: a.id, workspaceId: b.workspace }),
      () =>
        listWorkspaceAssignments(db, a.admin, { organizationId: b.id, workspaceId: b.workspace }),
      () =>
        effectiveWorkspaceSettings(db, a.admin, { organizationId: a.id, workspaceId: b.workspace }),
      () =>
        effectiveWorkspaceSettings(db, a.admin, { organizationId: b.id, workspaceId: b.workspace }),
    ];
    for (const check of checks) expect((await appError(check)).code).toBe("NOT_FOUND");
    expect(await liveDocuments(db, { organizationId: a.id, workspaceId: b.workspace })).toEqual([]);
    expect(
      await liveDocuments(db, { organizationId: b.id, workspaceId: b.workspace }),
    ).toHaveLength(1);
  });

  it("a policy cannot be deleted while assigned", async () => {
    const { policyId } = await published(a, "Anchored", [policyDocument()]);
    const assignment = await assignPolicy(db, a.admin, {
      organizationId: a.id,
      workspaceId: a.workspace,
      policyId,
    });
    const error = await appError(() =>
      deletePolicy(db, a.admin, { organizationId: a.id, policyId }),
    );
    expect(error.code).toBe("CONFLICT");
    await unassignPolicy(db, a.admin, { organizationId: a.id, assignmentId: assignment.id });
    await deletePolicy(db, a.admin, { organizationId: a.id, policyId });
  });

  it("a viewer or approver reads assignments but cannot change them", async () => {
    const { policyId } = await published(a, "ReadOnly", [policyDocument()]);
    for (const who of [a.viewer, a.approver]) {
      const error = await appError(() =>
        assignPolicy(db, who, { organizationId: a.id, workspaceId: a.workspace2, policyId }),
      );
      expect(error.code).toBe("FORBIDDEN");
      await listWorkspaceAssignments(db, who, { organizationId: a.id, workspaceId: a.workspace2 });
    }
  });
});

describe("effective workspace settings", { timeout: 30_000 }, () => {
  it("merges the live versions: smallest limit, longest retention, each policy's approval rule", async () => {
    const org = await createPolicyTestOrganization(db);
    const strictOne = await published(org, "Strict", [
      policyDocument({ maxTokens: 500, retentionDays: 30, approvalActions: ["db:Delete"] }),
    ]);
    const looseOne = await published(org, "Loose", [
      policyDocument({
        maxTokens: 9000,
        retentionDays: 365,
        approvalActions: ["api:Post"],
        approverRole: "owner",
      }),
    ]);
    const draftOnly = await createPolicy(db, org.admin, {
      organizationId: org.id,
      name: "Unpublished",
      document: policyDocument({ maxTokens: 1 }),
    });
    for (const policyId of [strictOne.policyId, looseOne.policyId, draftOnly.policy.id])
      await assignPolicy(db, org.admin, {
        organizationId: org.id,
        workspaceId: org.workspace,
        policyId,
      });
    const settings = await effectiveWorkspaceSettings(db, org.viewer, {
      organizationId: org.id,
      workspaceId: org.workspace,
    });
    expect(settings.policies.map((p) => p.policyName)).toEqual(["Strict", "Loose"]);
    expect(settings.limits.MaxTokens).toBe(500);
    expect(settings.audit).toMatchObject({ required: true, retentionDays: 365 });
    expect(settings.approvals).toEqual([
      {
        policyId: strictOne.policyId,
        policyName: "Strict",
        versionNumber: 1,
        actions: ["db:Delete"],
        approverRole: "admin",
        timeoutSeconds: 3600,
        channels: [{ type: "email" }],
      },
      expect.objectContaining({
        policyName: "Loose",
        actions: ["api:Post"],
        approverRole: "owner",
      }),
    ]);
    expect(settings.invalid).toEqual([]);

    const empty = await effectiveWorkspaceSettings(db, org.viewer, {
      organizationId: org.id,
      workspaceId: org.workspace2,
    });
    expect(empty).toMatchObject({ policies: [], limits: {}, approvals: [] });
  });
});
