import type { Db } from "@sekuire/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createPolicy,
  diffVersions,
  getPolicy,
  getVersion,
  listVersions,
  publishPolicy,
  restoreVersion,
} from "../../src/policies/index.js";
import {
  appError,
  createPolicyTestOrganization,
  type PolicyTestOrganization,
  policyDocument,
  userId,
  useTestDatabase,
} from "../../src/testing/index.js";

const database = useTestDatabase();
let db: Db;
let a: PolicyTestOrganization;
let b: PolicyTestOrganization;
let policyId: string;
let versionIds: string[];

beforeAll(async () => {
  db = database.db;
  a = await createPolicyTestOrganization(db);
  b = await createPolicyTestOrganization(db);
  const { policy } = await createPolicy(db, a.admin, {
    organizationId: a.id,
    name: "History",
    document: policyDocument({ maxTokens: 100 }),
  });
  policyId = policy.id;
  versionIds = [];
  for (const [tokens, note] of [
    [100, "first"],
    [200, "raise tokens"],
    [200, "same again"],
  ] as const) {
    const { version } = await publishPolicy(db, a.admin, {
      organizationId: a.id,
      policyId,
      changeNote: note,
      document: policyDocument({ maxTokens: tokens }),
    });
    versionIds.push(version?.id ?? "");
  }
}, 120_000);

describe("versions", { timeout: 30_000 }, () => {
  it("lists newest first with who and why, for a viewer", async () => {
    const versions = await listVersions(db, a.viewer, { organizationId: a.id, policyId });
    expect(versions.map((v) => [v.number, v.changeNote])).toEqual([
      [3, "same again"],
      [2, "raise tokens"],
      [1, "first"],
    ]);
    expect(versions[0]?.createdBy?.id).toBe(userId(a.admin));
  });

  it("gets one version with its document as written", async () => {
    const version = await getVersion(db, a.viewer, {
      organizationId: a.id,
      versionId: versionIds[1],
    });
    expect(version.document).toBe(policyDocument({ maxTokens: 200 }));
  });

  it("another organization's member gets NOT_FOUND for the versions, the diff and the restore", async () => {
    const checks = [
      () => listVersions(db, b.admin, { organizationId: a.id, policyId }),
      () => listVersions(db, b.admin, { organizationId: b.id, policyId }),
      () => getVersion(db, b.admin, { organizationId: b.id, versionId: versionIds[0] }),
      () =>
        diffVersions(db, b.admin, {
          organizationId: b.id,
          fromVersionId: versionIds[0],
          toVersionId: versionIds[1],
        }),
      () => restoreVersion(db, b.admin, { organizationId: b.id, versionId: versionIds[0] }),
    ];
    for (const check of checks) expect((await appError(check)).code).toBe("NOT_FOUND");
  });

  it("diffs two versions line by line with hunks", async () => {
    const diff = await diffVersions(db, a.viewer, {
      organizationId: a.id,
      fromVersionId: versionIds[0],
      toVersionId: versionIds[1],
      context: 1,
    });
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(2);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    const hunk = diff.hunks[0];
    expect(hunk?.lines.map((l) => [l.kind, l.text.trim()])).toEqual([
      ["unchanged", '"ResourceLimits": {'],
      ["removed", '"MaxTokens": 100'],
      ["added", '"MaxTokens": 200'],
      ["unchanged", "},"],
    ]);
    const same = await diffVersions(db, a.viewer, {
      organizationId: a.id,
      fromVersionId: versionIds[1],
      toVersionId: versionIds[2],
    });
    expect(same.hunks).toEqual([]);
    expect(same.lines.every((l) => l.kind === "unchanged")).toBe(true);
  });

  it("restores an old version as the draft, changing nothing live, with policy.restored", async () => {
    const ref = { organizationId: a.id, versionId: versionIds[0] };
    expect((await appError(() => restoreVersion(db, a.approver, ref))).code).toBe("FORBIDDEN");
    const { policy } = await restoreVersion(db, a.admin, ref);
    expect(policy.draftDocument).toBe(policyDocument({ maxTokens: 100 }));
    const got = await getPolicy(db, a.viewer, { organizationId: a.id, policyId });
    expect(got.latestVersion?.number).toBe(3);
    expect(got.hasUnpublishedChanges).toBe(true);
    const event = await db.adminAuditEvent.findFirst({
      where: { organizationId: a.id, action: "policy.restored", targetId: policyId },
    });
    expect(event?.details).toMatchObject({ number: 1 });
  });
});
