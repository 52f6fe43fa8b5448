/**
 * Four eyes: a publish request waits for a second admin. Approval creates the version (credited
 * to the requester, with the approver recorded); rejection closes the request. The requester may
 * withdraw their own request (recorded as cancelled) but never approve it.
 */

import type { Db, DbTransaction } from "@sekuire/db";
import { type Access, authorize, authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { AppError, forbidden, notFound } from "../errors/index.js";
import { parseInput } from "../shared/index.js";
import { decidePublishInput, listPublishRequestsInput } from "./inputs.js";
import { createVersion } from "./publish.js";
import { actorUserId, latestVersionNumber, lockPolicy, TX_OPTIONS } from "./store.js";
import { assertValidDocument } from "./validation.js";

export async function listPublishRequests(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(listPublishRequestsInput, raw);
  await authorize(db, principal, input.organizationId, "viewer");
  return db.publishRequest.findMany({
    where: {
      organizationId: input.organizationId,
      ...(input.policyId ? { policyId: input.policyId } : {}),
      ...(input.status ? { status: input.status } : {}),
    },
    orderBy: { createdAt: "desc" },
    include: { policy: { select: { id: true, name: true } } },
  });
}

export async function approvePublishRequest(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(decidePublishInput, raw);
  return decisionTransaction(
    db,
    input.organizationId,
    async (tx) => {
      const access = await authorizeInTx(tx, principal, input.organizationId, "admin");
      // A second pair of eyes is a person: an admin token cannot stand in for one.
      const approverId = actorUserId(access.actor);
      if (!approverId) throw forbidden("A publish request is approved by a signed-in admin.");
      const request = await pendingRequest(tx, input.organizationId, input.requestId);
      if (request.requestedById === approverId)
        throw forbidden("You cannot approve your own publish request; another admin must.");
      await lockPolicy(tx, input.organizationId, request.policyId);
      // Approving a request made before another publish would silently undo that publish.
      const latest = await latestVersionNumber(tx, input.organizationId, request.policyId);
      if (latest !== (request.baseVersionNumber ?? 0))
        throw new AppError(
          "CONFLICT",
          `Version ${latest} was published after this request was made; reject it and request again.`,
        );
      // The engine may have grown stricter since the request: check again.
      assertValidDocument(request.document, "The requested document has errors.");
      const version = await createVersion(tx, access, {
        policyId: request.policyId,
        document: request.document,
        changeNote: request.changeNote,
        createdById: request.requestedById,
        approvedById: approverId,
      });
      const decided = await closeRequest(
        tx,
        access,
        request.id,
        "approved",
        input.note,
        version.id,
      );
      await recordAudit(tx, {
        organizationId: input.organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "policy.publish_approved",
        targetType: "policy",
        targetId: request.policyId,
        details: { requestId: request.id, versionId: version.id, number: version.number },
      });
      return { request: decided, version };
    },
    TX_OPTIONS,
  );
}

export async function rejectPublishRequest(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(decidePublishInput, raw);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, input.organizationId, "admin");
    const request = await pendingRequest(tx, input.organizationId, input.requestId);
    const own =
      request.requestedById !== null && request.requestedById === actorUserId(access.actor);
    const status = own ? "cancelled" : "rejected";
    const decided = await closeRequest(tx, access, request.id, status, input.note, null);
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actor: access.actor,
      origin: access.origin,
      action: own ? "policy.publish_cancelled" : "policy.publish_rejected",
      targetType: "policy",
      targetId: request.policyId,
      details: { requestId: request.id, note: input.note ?? null },
    });
    return { request: decided };
  }, TX_OPTIONS);
}

async function pendingRequest(tx: DbTransaction, organizationId: string, requestId: string) {
  const request = await tx.publishRequest.findFirst({ where: { id: requestId, organizationId } });
  if (!request) throw notFound("The publish request");
  if (request.status !== "pending")
    throw new AppError("CONFLICT", `The publish request was already ${request.status}.`);
  return request;
}

/** Closes a request only if it is still pending, so two admins deciding at once cannot both win. */
async function closeRequest(
  tx: DbTransaction,
  access: Access,
  requestId: string,
  status: "approved" | "rejected" | "cancelled",
  note: string | undefined,
  versionId: string | null,
) {
  const { count } = await tx.publishRequest.updateMany({
    where: { id: requestId, organizationId: access.organizationId, status: "pending" },
    data: {
      status,
      decidedById: actorUserId(access.actor),
      decidedAt: new Date(),
      decisionNote: note ?? null,
      versionId,
    },
  });
  if (count !== 1) throw new AppError("CONFLICT", "The publish request was decided meanwhile.");
  const request = await tx.publishRequest.findFirst({
    where: { id: requestId, organizationId: access.organizationId },
  });
  if (!request) throw notFound("The publish request");
  return request;
}
