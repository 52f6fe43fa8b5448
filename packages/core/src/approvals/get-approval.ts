/** One approval request, for any member of its organization (the inbox, its email link). */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { notFound } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { type ApprovalView, approvalSelect, toApprovalView } from "./approval-view.js";

export const getApprovalInput = z.object({
  organizationId: organizationIdSchema,
  approvalId: idOf("apr"),
});

export async function getApproval(
  db: Db,
  principal: Principal,
  input: z.input<typeof getApprovalInput>,
  now: Date = new Date(),
): Promise<ApprovalView> {
  const { organizationId, approvalId } = parseInput(getApprovalInput, input);
  await authorize(db, principal, organizationId, "viewer");
  const row = await db.approvalRequest.findFirst({
    where: { organizationId, id: approvalId },
    select: approvalSelect,
  });
  if (!row) throw notFound("The approval request");
  return toApprovalView(row, now);
}
