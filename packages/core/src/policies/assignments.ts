/**
 * Assignments attach a policy to a workspace, following its latest published version or pinned
 * to one version. The database also refuses a pin to another policy's version (composite key);
 * checking first turns that into a clear NOT_FOUND rather than a constraint error.
 */

import type { Db, DbTransaction } from "@sekuire/db";
import { authorize, authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { AppError, notFound } from "../errors/index.js";
import { isUniqueViolation, parseInput } from "../shared/index.js";
import { assignInput, assignmentRef, changeAssignmentInput, workspaceRef } from "./inputs.js";
import { actorUserId, loadPolicy, loadWorkspace, TX_OPTIONS } from "./store.js";

export async function assignPolicy(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(assignInput, raw);
  const { organizationId } = input;
  const pinnedVersionId = input.pinnedVersionId ?? null;
  try {
    return await decisionTransaction(
      db,
      organizationId,
      async (tx) => {
        const access = await authorizeInTx(tx, principal, organizationId, "admin");
        await loadWorkspace(tx, organizationId, input.workspaceId);
        await loadPolicy(tx, organizationId, input.policyId);
        const pin = await checkPin(tx, organizationId, input.policyId, pinnedVersionId);
        const existing = await tx.policyAssignment.findFirst({
          where: { organizationId, workspaceId: input.workspaceId, policyId: input.policyId },
          select: { id: true },
        });
        if (existing) throw alreadyAssigned();
        const assignment = await tx.policyAssignment.create({
          data: {
            organizationId,
            workspaceId: input.workspaceId,
            policyId: input.policyId,
            pinnedVersionId,
            createdById: actorUserId(access.actor),
          },
        });
        await recordAudit(tx, {
          organizationId,
          actor: access.actor,
          origin: access.origin,
          action: "assignment.created",
          targetType: "assignment",
          targetId: assignment.id,
          details: {
            workspaceId: input.workspaceId,
            policyId: input.policyId,
            pinnedVersion: pin?.number ?? null,
          },
        });
        return assignment;
      },
      TX_OPTIONS,
    );
  } catch (error) {
    // Two admins assigning at once: the unique (workspace, policy) index settles it.
    throw isUniqueViolation(error) ? alreadyAssigned() : error;
  }
}

export async function changeAssignment(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(changeAssignmentInput, raw);
  const { organizationId } = input;
  return decisionTransaction(
    db,
    organizationId,
    async (tx) => {
      const access = await authorizeInTx(tx, principal, organizationId, "admin");
      const before = await loadAssignment(tx, organizationId, input.assignmentId);
      const pin = await checkPin(tx, organizationId, before.policyId, input.pinnedVersionId);
      const assignment = await tx.policyAssignment.update({
        where: { id: before.id, organizationId },
        data: { pinnedVersionId: input.pinnedVersionId },
      });
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "assignment.changed",
        targetType: "assignment",
        targetId: assignment.id,
        details: {
          workspaceId: before.workspaceId,
          policyId: before.policyId,
          fromPinnedVersionId: before.pinnedVersionId,
          pinnedVersion: pin?.number ?? null,
        },
      });
      return assignment;
    },
    TX_OPTIONS,
  );
}

export async function unassignPolicy(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, assignmentId } = parseInput(assignmentRef, raw);
  await decisionTransaction(
    db,
    organizationId,
    async (tx) => {
      const access = await authorizeInTx(tx, principal, organizationId, "admin");
      const before = await loadAssignment(tx, organizationId, assignmentId);
      await tx.policyAssignment.deleteMany({ where: { id: assignmentId, organizationId } });
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "assignment.removed",
        targetType: "assignment",
        targetId: assignmentId,
        details: { workspaceId: before.workspaceId, policyId: before.policyId },
      });
    },
    TX_OPTIONS,
  );
  return { id: assignmentId };
}

/** A workspace's assignments with the version each one makes live (null: nothing published yet). */
export async function listWorkspaceAssignments(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, workspaceId } = parseInput(workspaceRef, raw);
  await authorize(db, principal, organizationId, "viewer");
  await loadWorkspace(db, organizationId, workspaceId);
  const rows = await db.policyAssignment.findMany({
    where: { organizationId, workspaceId },
    orderBy: { createdAt: "asc" },
    include: {
      policy: {
        select: {
          id: true,
          name: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
        },
      },
      pinnedVersion: { select: { id: true, number: true } },
    },
  });
  return rows.map(({ policy: { versions, ...policy }, pinnedVersion, ...assignment }) => ({
    ...assignment,
    policy,
    pinnedVersion,
    liveVersion: pinnedVersion ?? versions[0] ?? null,
  }));
}

function alreadyAssigned(): AppError {
  return new AppError("CONFLICT", "The policy is already assigned to this workspace.");
}

async function loadAssignment(tx: DbTransaction, organizationId: string, assignmentId: string) {
  const assignment = await tx.policyAssignment.findFirst({
    where: { id: assignmentId, organizationId },
  });
  if (!assignment) throw notFound("The assignment");
  return assignment;
}

async function checkPin(
  tx: DbTransaction,
  organizationId: string,
  policyId: string,
  versionId: string | null,
) {
  if (versionId === null) return null;
  const version = await tx.policyVersion.findFirst({
    where: { id: versionId, organizationId, policyId },
    select: { id: true, number: true },
  });
  if (!version) throw notFound("The policy version (of this policy)");
  return version;
}
