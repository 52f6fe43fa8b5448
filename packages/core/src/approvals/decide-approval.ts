/**
 * People decide approval requests: a signed-in member whose role is at least the request's
 * approver role (checked in the transaction, against the locked row), once, with who, when and
 * an optional comment, in the admin audit trail. A request past its expiry is expired whether or
 * not a job has marked it yet. Waiting agents hear of the verdict after the commit.
 */
import { approvalVerdictSchema } from "@sekuire/contracts";
import type { Db } from "@sekuire/db";
import type { z } from "zod";
import { authorizeInTx, type Principal, roleAtLeast } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { announceApprovalDecided } from "../decisions/announce.js";
import { AppError, forbidden, notFound } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { type ApprovalView, approvalSelect, toApprovalView } from "./approval-view.js";

export const decideApprovalInput = approvalVerdictSchema.extend({
  organizationId: organizationIdSchema,
  approvalId: idOf("apr"),
});

export type DecideApprovalInput = z.input<typeof decideApprovalInput>;

export async function decideApproval(
  db: Db,
  principal: Principal,
  input: DecideApprovalInput,
  now: Date = new Date(),
): Promise<ApprovalView> {
  const { organizationId, approvalId, verdict, comment } = parseInput(decideApprovalInput, input);
  if (principal.kind !== "user")
    throw forbidden("Approval requests are decided by people signed in, not by tokens.");
  const view = await db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "approver");
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ApprovalRequest"
      WHERE "id" = ${approvalId} AND "organizationId" = ${organizationId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("The approval request");
    const row = await tx.approvalRequest.findFirstOrThrow({
      where: { organizationId, id: approvalId },
      select: approvalSelect,
    });
    if (!roleAtLeast(access.role, row.approverRole))
      throw forbidden(`This request needs an ${row.approverRole} or higher to decide it.`);
    const current = toApprovalView(row, now);
    if (current.status !== "pending")
      throw new AppError("CONFLICT", `This request is already ${current.status}.`);
    const decided = await tx.approvalRequest.update({
      where: { id: approvalId, organizationId },
      data: {
        status: verdict === "approve" ? "approved" : "denied",
        decidedById: principal.userId,
        decidedAt: now,
        decisionNote: comment ?? null,
      },
      select: approvalSelect,
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: verdict === "approve" ? "approval.approved" : "approval.denied",
      targetType: "approval_request",
      targetId: approvalId,
      details: {
        agentId: row.agentId,
        workspaceId: row.workspaceId,
        action: row.action,
        resource: row.resource,
        ...(comment ? { comment } : {}),
      },
    });
    return toApprovalView(decided, now);
  });
  announceApprovalDecided(approvalId);
  return view;
}
