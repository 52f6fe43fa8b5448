import type { Db } from "@sekuire/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  approvePublishRequest,
  assignPolicy,
  createPolicy,
  getPolicy,
  listPublishRequests,
  liveDocuments,
  publishPolicy,
  rejectPublishRequest,
  saveDraft,
} from "../../src/policies/index.js";
import {
  appError,
  auditActions,
  createPolicyTestOrganization,
  createTokenPrincipal,
  type PolicyTestOrganization,
  policyDocument,
  userId,
  useTestDatabase,
} from "../../src/testing/index.js";

const database = useTestDatabase();
let db: Db;
let a: PolicyTestOrganization;
let b: PolicyTestOrganization;
let strict: PolicyTestOrganization;

beforeAll(async () => {
  db = database.db;
  a = await createPolicyTestOrganization(db);
  b = await createPolicyTestOrganization(db);
  strict = await createPolicyTestOrganization(db, { fourEyes: true });
}, 120_000);

async function newPolicy(org: PolicyTestOrganization, name: string, document = policyDocument()) {
  const { policy } = await createPolicy(db, org.admin, {
    organizationId: org.id,
    name,
    document,
  });
  return policy.id;
}

describe("publishing", { timeout: 30_000 }, () => {
  it("numbers versions 1, 2, 3 and keeps the text, author and note", async () => {
    const policyId = await newPolicy(a, "Numbered");
    const numbers: number[] = [];
    for (const tokens of [100, 200, 300]) {
      const text = policyDocument({ maxTokens: tokens });
      await saveDraft(db, a.admin, { organizationId: a.id, policyId, document: text });
      const result = await publishPolicy(db, a.admin, {
        organizationId: a.id,
        policyId,
        changeNote: `tokens ${tokens}`,
      });
      expect(result.status).toBe("published");
      expect(result.version?.document).toBe(text);
      expect(result.version?.createdById).toBe(userId(a.admin));
      expect(result.version?.changeNote).toBe(`tokens ${tokens}`);
      numbers.push(result.version?.number ?? 0);
    }
    expect(numbers).toEqual([1, 2, 3]);
  });

  it("gives concurrent publishes distinct consecutive numbers", async () => {
    const policyId = await newPolicy(a, "Raced");
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        publishPolicy(db, a.admin, { organizationId: a.id, policyId, changeNote: `race ${i}` }),
      ),
    );
    const numbers = results.map((r) => r.version?.number).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
  });

  it("a saved draft changes nothing live until it is published", async () => {
    const policyId = await newPolicy(a, "Live", policyDocument({ maxTokens: 111 }));
    await publishPolicy(db, a.admin, { organizationId: a.id, policyId, changeNote: "first" });
    await assignPolicy(db, a.admin, { organizationId: a.id, workspaceId: a.workspace2, policyId });
    const live = () => liveDocuments(db, { organizationId: a.id, workspaceId: a.workspace2 });
    const draft = policyDocument({ maxTokens: 222 });
    await saveDraft(db, a.admin, { organizationId: a.id, policyId, document: draft });
    expect((await live()).find((d) => d.policyId === policyId)?.document).toBe(
      policyDocument({ maxTokens: 111 }),
    );
    const got = await getPolicy(db, a.viewer, { organizationId: a.id, policyId });
    expect(got.hasUnpublishedChanges).toBe(true);
    await publishPolicy(db, a.admin, { organizationId: a.id, policyId, changeNote: "second" });
    expect((await live()).find((d) => d.policyId === policyId)).toMatchObject({
      document: draft,
      versionNumber: 2,
      pinned: false,
    });
  });

  it("refuses a document with errors, returning every finding, and stores nothing", async () => {
    const policyId = await newPolicy(a, "Broken");
    const before = await auditActions(db, a.id);
    const error = await appError(() =>
      publishPolicy(db, a.admin, {
        organizationId: a.id,
        policyId,
        changeNote: "oops",
        document: '{\n  "Version": "2024-12-02",\n  "Statement": [{ "Effect": "Maybe" }]\n}',
      }),
    );
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
    expect(error.details?.length).toBeGreaterThan(0);
    for (const d of error.details ?? []) {
      expect(d.pointer.startsWith("/Statement/0")).toBe(true);
      expect(d).toMatchObject({ line: 3, code: expect.any(String), message: expect.any(String) });
    }
    expect(await db.policyVersion.count({ where: { organizationId: a.id, policyId } })).toBe(0);
    const got = await getPolicy(db, a.admin, { organizationId: a.id, policyId });
    expect(got.draftDocument).toBe(policyDocument());
    expect(await auditActions(db, a.id)).toEqual(before);
  });

  it("records policy.published with the number in the same transaction", async () => {
    const policyId = await newPolicy(a, "Audited");
    const { version } = await publishPolicy(db, a.admin, {
      organizationId: a.id,
      policyId,
      changeNote: "note",
    });
    const event = await db.adminAuditEvent.findFirst({
      where: { organizationId: a.id, targetId: policyId, action: "policy.published" },
    });
    expect(event?.details).toMatchObject({ number: 1, versionId: version?.id });
  });

  it("needs a change note (BAD_REQUEST at /changeNote)", async () => {
    const policyId = await newPolicy(a, "Noteless");
    const error = await appError(() =>
      publishPolicy(db, a.admin, { organizationId: a.id, policyId, changeNote: " " }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details?.[0]?.pointer).toBe("/changeNote");
  });

  it("an approver or viewer cannot publish; another organization gets NOT_FOUND", async () => {
    const policyId = await newPolicy(a, "Roles");
    const input = { organizationId: a.id, policyId, changeNote: "x" };
    expect((await appError(() => publishPolicy(db, a.approver, input))).code).toBe("FORBIDDEN");
    expect((await appError(() => publishPolicy(db, a.viewer, input))).code).toBe("FORBIDDEN");
    expect((await appError(() => publishPolicy(db, b.admin, input))).code).toBe("NOT_FOUND");
    expect(
      (await appError(() => publishPolicy(db, b.admin, { ...input, organizationId: b.id }))).code,
    ).toBe("NOT_FOUND");
    expect(await db.policyVersion.count({ where: { organizationId: a.id, policyId } })).toBe(0);
  });
});

describe("four eyes", { timeout: 30_000 }, () => {
  it("a publish becomes a pending request; the requester cannot approve it; another admin can", async () => {
    const policyId = await newPolicy(strict, "Guarded");
    const result = await publishPolicy(db, strict.admin, {
      organizationId: strict.id,
      policyId,
      changeNote: "please",
    });
    expect(result.status).toBe("pending");
    expect(result.request?.status).toBe("pending");
    expect(await db.policyVersion.count({ where: { organizationId: strict.id, policyId } })).toBe(
      0,
    );
    const requestId = result.request?.id ?? "";
    const ref = { organizationId: strict.id, requestId };

    const own = await appError(() => approvePublishRequest(db, strict.admin, ref));
    expect(own.code).toBe("FORBIDDEN");
    expect((await appError(() => approvePublishRequest(db, strict.approver, ref))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appError(() => approvePublishRequest(db, b.admin, ref))).code).toBe("NOT_FOUND");
    expect(
      (
        await appError(() =>
          approvePublishRequest(db, a.admin, { organizationId: a.id, requestId }),
        )
      ).code,
    ).toBe("NOT_FOUND");

    const approved = await approvePublishRequest(db, strict.admin2, { ...ref, note: "ok" });
    expect(approved.version).toMatchObject({
      number: 1,
      createdById: userId(strict.admin),
      approvedById: userId(strict.admin2),
      changeNote: "please",
    });
    expect(approved.request).toMatchObject({ status: "approved", versionId: approved.version.id });
    const again = await appError(() => approvePublishRequest(db, strict.owner, ref));
    expect(again.code).toBe("CONFLICT");

    const actions = await auditActions(db, strict.id);
    expect(actions).toEqual(
      expect.arrayContaining([
        "policy.publish_requested",
        "policy.published",
        "policy.publish_approved",
      ]),
    );
  });

  it("a rejected request creates no version; a request overtaken by a publish cannot be approved", async () => {
    const policyId = await newPolicy(strict, "Rejected");
    const first = await publishPolicy(db, strict.admin, {
      organizationId: strict.id,
      policyId,
      changeNote: "one",
    });
    const second = await publishPolicy(db, strict.admin, {
      organizationId: strict.id,
      policyId,
      changeNote: "two",
    });
    const pending = await listPublishRequests(db, strict.viewer, {
      organizationId: strict.id,
      policyId,
      status: "pending",
    });
    expect(pending).toHaveLength(2);

    const rejected = await rejectPublishRequest(db, strict.admin2, {
      organizationId: strict.id,
      requestId: first.request?.id,
      note: "no",
    });
    expect(rejected.request.status).toBe("rejected");
    expect(await auditActions(db, strict.id)).toContain("policy.publish_rejected");

    await approvePublishRequest(db, strict.owner, {
      organizationId: strict.id,
      requestId: second.request?.id,
    });
    const third = await publishPolicy(db, strict.admin, {
      organizationId: strict.id,
      policyId,
      changeNote: "three",
    });
    const fourth = await publishPolicy(db, strict.admin, {
      organizationId: strict.id,
      policyId,
      changeNote: "four",
    });
    await approvePublishRequest(db, strict.admin2, {
      organizationId: strict.id,
      requestId: fourth.request?.id,
    });
    const stale = await appError(() =>
      approvePublishRequest(db, strict.admin2, {
        organizationId: strict.id,
        requestId: third.request?.id,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const numbers = await db.policyVersion.findMany({
      where: { organizationId: strict.id, policyId },
      select: { number: true, changeNote: true },
      orderBy: { number: "asc" },
    });
    expect(numbers).toEqual([
      { number: 1, changeNote: "two" },
      { number: 2, changeNote: "four" },
    ]);
  });

  it("the requester withdrawing their own request cancels it", async () => {
    const policyId = await newPolicy(strict, "Withdrawn");
    const { request } = await publishPolicy(db, strict.admin, {
      organizationId: strict.id,
      policyId,
      changeNote: "hm",
    });
    const result = await rejectPublishRequest(db, strict.admin, {
      organizationId: strict.id,
      requestId: request?.id,
    });
    expect(result.request.status).toBe("cancelled");
    expect(
      (
        await appError(() =>
          rejectPublishRequest(db, b.admin, { organizationId: b.id, requestId: request?.id }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("an admin token may request a publish but only a signed-in admin approves it", async () => {
    const token = await createTokenPrincipal(db, strict.id, "admin");
    const policyId = await newPolicy(strict, "Scripted");
    const { request } = await publishPolicy(db, token, {
      organizationId: strict.id,
      policyId,
      changeNote: "from CI",
    });
    expect(request?.requestedById).toBeNull();
    const ref = { organizationId: strict.id, requestId: request?.id };
    expect((await appError(() => approvePublishRequest(db, token, ref))).code).toBe("FORBIDDEN");
    const { version } = await approvePublishRequest(db, strict.admin, ref);
    expect(version.number).toBe(1);
    const requested = await db.adminAuditEvent.findFirst({
      where: { organizationId: strict.id, action: "policy.publish_requested", targetId: policyId },
    });
    expect(requested).toMatchObject({
      actorType: "admin_token",
      actorTokenId: token.kind === "admin_token" ? token.tokenId : "",
    });
  });

  it("another organization's admin token gets NOT_FOUND", async () => {
    const token = await createTokenPrincipal(db, b.id, "owner");
    const policyId = await newPolicy(strict, "Foreign");
    const error = await appError(() =>
      publishPolicy(db, token, { organizationId: strict.id, policyId, changeNote: "x" }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
