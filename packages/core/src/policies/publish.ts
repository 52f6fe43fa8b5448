/**
 * Publishing: the draft (or a document given with the call) is validated by the engine, then
 * becomes an immutable numbered version, live at once in every workspace that follows the
 * policy's latest version. Under four eyes it becomes a pending PublishRequest instead, which a
 * second admin approves (four-eyes.ts).
 */

import type { Db, DbTransaction } from "@sekuire/db";
import { type Access, authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { AppError } from "../errors/index.js";
import { parseInput } from "../shared/index.js";
import { writeDraft } from "./drafts.js";
import { publishInput } from "./inputs.js";
import { actorUserId, latestVersionNumber, lockPolicy, TX_OPTIONS } from "./store.js";
import { assertValidDocument } from "./validation.js";

const INVALID = "The policy has errors; fix them before publishing.";

export async function publishPolicy(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(publishInput, raw);
  return decisionTransaction(
    db,
    input.organizationId,
    async (tx) => {
      const access = await authorizeInTx(tx, principal, input.organizationId, "admin");
      const org = await tx.organization.findUnique({
        where: { id: input.organizationId },
        select: { requireFourEyes: true },
      });
      const policy = await lockPolicy(tx, input.organizationId, input.policyId);
      const document = input.document ?? policy.draftDocument;
      if (document === null)
        throw new AppError("PRECONDITION_FAILED", "The policy has no draft to publish.");
      const { warnings } = assertValidDocument(document, INVALID);
      if (input.document !== undefined) await writeDraft(tx, access, policy.id, document);
      if (org?.requireFourEyes) {
        const request = await requestPublish(tx, access, policy.id, document, input.changeNote);
        return { status: "pending" as const, request, version: null, findings: warnings };
      }
      const version = await createVersion(tx, access, {
        policyId: policy.id,
        document,
        changeNote: input.changeNote,
        createdById: actorUserId(access.actor),
      });
      return { status: "published" as const, request: null, version, findings: warnings };
    },
    TX_OPTIONS,
  );
}

async function requestPublish(
  tx: DbTransaction,
  access: Access,
  policyId: string,
  document: string,
  changeNote: string,
) {
  const { organizationId } = access;
  const request = await tx.publishRequest.create({
    data: {
      organizationId,
      policyId,
      document,
      changeNote,
      baseVersionNumber: (await latestVersionNumber(tx, organizationId, policyId)) || null,
      requestedById: actorUserId(access.actor),
    },
  });
  await recordAudit(tx, {
    organizationId,
    actor: access.actor,
    origin: access.origin,
    action: "policy.publish_requested",
    targetType: "policy",
    targetId: policyId,
    details: { requestId: request.id, changeNote },
  });
  return request;
}

export interface NewVersion {
  policyId: string;
  document: string;
  changeNote: string;
  createdById: string | null;
  approvedById?: string | null;
}

/**
 * Writes the next version and its `policy.published` event. The caller holds the policy's row
 * lock (lockPolicy), so reading the highest number and inserting the next cannot race.
 */
export async function createVersion(tx: DbTransaction, access: Access, v: NewVersion) {
  const { organizationId } = access;
  const number = (await latestVersionNumber(tx, organizationId, v.policyId)) + 1;
  const version = await tx.policyVersion.create({
    data: {
      organizationId,
      policyId: v.policyId,
      number,
      document: v.document,
      changeNote: v.changeNote,
      createdById: v.createdById,
      approvedById: v.approvedById ?? null,
      approvedAt: v.approvedById ? new Date() : null,
    },
  });
  await recordAudit(tx, {
    organizationId,
    actor: access.actor,
    origin: access.origin,
    action: "policy.published",
    targetType: "policy",
    targetId: v.policyId,
    details: { versionId: version.id, number, changeNote: v.changeNote },
  });
  return version;
}
