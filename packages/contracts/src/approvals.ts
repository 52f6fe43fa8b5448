/** An approval request as the agent reads it (`GET /v1/approvals/{id}`) and people decide it. */
import { z } from "zod";

export const approvalStatusSchema = z.enum(["pending", "approved", "denied", "expired"]);

export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

export const approvalStateSchema = z
  .object({
    id: z.string(),
    status: approvalStatusSchema,
    decidedBy: z.string().optional().describe("who approved or denied it"),
    decidedAt: z.iso.datetime().optional(),
    comment: z.string().optional(),
    expiresAt: z.iso.datetime().describe("when a pending request expires"),
    consumedAt: z.iso.datetime().optional().describe("when an approval was redeemed"),
  })
  .meta({ id: "ApprovalState" });

export type ApprovalState = z.infer<typeof approvalStateSchema>;

/** The long-poll's wait: how long to hold the request open for a decision (0 = answer now). */
export const MAX_APPROVAL_WAIT_SECONDS = 60;

export const approvalWaitSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(MAX_APPROVAL_WAIT_SECONDS)
  .default(0);

/** What an approver sends: approve or deny, with an optional comment. */
export const approvalVerdictSchema = z
  .object({
    verdict: z.enum(["approve", "deny"]),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: "ApprovalVerdict" });
