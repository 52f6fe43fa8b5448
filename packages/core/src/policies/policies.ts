/**
 * Policies of an organization: create (blank, from a seed template, or from a document), list,
 * get with its draft and latest version, delete.
 */

import type { Db } from "@sekuire/db";
import { getTemplate } from "@sekuire/policy-engine";
import { authorize, authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { AppError } from "../errors/index.js";
import { parseInput } from "../shared/index.js";
import { BLANK_POLICY_DOCUMENT } from "./blank.js";
import { createPolicyInput, orgScoped, policyRef } from "./inputs.js";
import { actorUserId, loadPolicy, TX_OPTIONS } from "./store.js";
import { assertValidDocument } from "./validation.js";

export async function createPolicy(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(createPolicyInput, raw);
  const template = input.templateId ? getTemplate(input.templateId) : undefined;
  const document = template?.text ?? input.document ?? BLANK_POLICY_DOCUMENT;
  const name = input.name ?? template?.title ?? "Untitled policy";
  const description = input.description ?? template?.description ?? null;
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, input.organizationId, "admin");
    // An imported document is held to the same rule as any draft: no engine errors.
    const { warnings } = assertValidDocument(document, "The policy document has errors.");
    const created = await tx.policy.create({
      data: {
        organizationId: input.organizationId,
        name,
        description,
        templateId: template?.id ?? null,
        draftDocument: document,
        draftUpdatedById: actorUserId(access.actor),
        draftUpdatedAt: new Date(),
      },
    });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "policy.created",
      targetType: "policy",
      targetId: created.id,
      details: { name, templateId: template?.id ?? null },
    });
    return { policy: created, findings: warnings };
  }, TX_OPTIONS);
}

export async function listPolicies(db: Db, principal: Principal, raw: unknown) {
  const { organizationId } = parseInput(orgScoped, raw);
  await authorize(db, principal, organizationId, "viewer");
  const rows = await db.policy.findMany({
    where: { organizationId },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    include: {
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, document: true, createdAt: true },
      },
      _count: { select: { assignments: true } },
      publishRequests: { where: { status: "pending" }, select: { id: true } },
    },
  });
  return rows.map(({ versions, _count, publishRequests, draftDocument, ...policy }) => {
    const latest = versions[0];
    return {
      ...policy,
      latestVersion: latest
        ? { id: latest.id, number: latest.number, createdAt: latest.createdAt }
        : null,
      hasUnpublishedChanges: draftDocument !== null && draftDocument !== latest?.document,
      assignmentCount: _count.assignments,
      pendingPublishRequests: publishRequests.length,
    };
  });
}

export async function getPolicy(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, policyId } = parseInput(policyRef, raw);
  await authorize(db, principal, organizationId, "viewer");
  const policy = await loadPolicy(db, organizationId, policyId);
  const [latest, assignments, pending] = await Promise.all([
    db.policyVersion.findFirst({
      where: { organizationId, policyId },
      orderBy: { number: "desc" },
    }),
    db.policyAssignment.findMany({
      where: { organizationId, policyId },
      orderBy: { createdAt: "asc" },
      include: {
        workspace: { select: { id: true, name: true, slug: true } },
        pinnedVersion: { select: { id: true, number: true } },
      },
    }),
    db.publishRequest.findMany({
      where: { organizationId, policyId, status: "pending" },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    ...policy,
    latestVersion: latest,
    hasUnpublishedChanges:
      policy.draftDocument !== null && policy.draftDocument !== latest?.document,
    assignments: assignments.map((a) => ({
      id: a.id,
      workspace: a.workspace,
      pinnedVersion: a.pinnedVersion,
    })),
    pendingPublishRequests: pending,
  };
}

/**
 * Deleting a policy that is assigned would change live decisions in those workspaces as a side
 * effect; it is refused until the assignments are removed, so that step is explicit and audited.
 */
export async function deletePolicy(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, policyId } = parseInput(policyRef, raw);
  await decisionTransaction(
    db,
    organizationId,
    async (tx) => {
      const access = await authorizeInTx(tx, principal, organizationId, "admin");
      const policy = await loadPolicy(tx, organizationId, policyId);
      const assigned = await tx.policyAssignment.count({ where: { organizationId, policyId } });
      if (assigned > 0)
        throw new AppError(
          "CONFLICT",
          `The policy is assigned to ${assigned} workspace(s); unassign it first.`,
        );
      await tx.policy.deleteMany({ where: { id: policyId, organizationId } });
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "policy.deleted",
        targetType: "policy",
        targetId: policyId,
        details: { name: policy.name },
      });
    },
    TX_OPTIONS,
  );
  return { id: policyId };
}
