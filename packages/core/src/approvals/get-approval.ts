/** One approval request, for any member of its organization (the inbox, its email link). */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { notFound } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import {
  type ApprovalDetail,
  approvalDetailSelect,
  readerOf,
  toApprovalDetail,
} from "./approval-detail.js";

export const getApprovalInput = z.object({
  organizationId: organizationIdSchema,
  approvalId: idOf("apr"),
});

export async function getApproval(
  db: Db,
  principal: Principal,
  input: z.input<typeof getApprovalInput>,
  now: Date = new Date(),
): Promise<ApprovalDetail> {
  const { organizationId, approvalId } = parseInput(getApprovalInput, input);
  const access = await authorize(db, principal, organizationId, "viewer");
  const row = await db.approvalRequest.findFirst({
    where: { organizationId, id: approvalId },
    select: approvalDetailSelect,
  });
  if (!row) throw notFound("The approval request");
  return toApprovalDetail(row, readerOf(access, principal), now);
}
