import { z } from "zod";
import { at, atOrNull, roleSchema } from "./common.js";

export const approvalOutput = z.strictObject({
  id: z.string(),
  organizationId: z.string(),
  workspaceId: z.string(),
  agentId: z.string(),
  action: z.string(),
  resource: z.string(),
  /** as recorded: redacted when the policy asks */
  context: z.unknown(),
  reason: z.string().nullable(),
  /** the policy versions, statements and RequireApproval entries that asked */
  matched: z.unknown(),
  status: z.enum(["pending", "approved", "denied", "expired", "consumed"]),
  approverRole: roleSchema,
  expiresAt: at,
  decidedById: z.string().nullable(),
  decidedAt: atOrNull,
  decisionNote: z.string().nullable(),
  consumedAt: atOrNull,
  createdAt: at,
});

/** The console's view: names, who decided, and whether the reader may decide it now. */
export const approvalDetailOutput = approvalOutput.extend({
  agentName: z.string(),
  workspaceName: z.string(),
  decidedBy: z.strictObject({ name: z.string().nullable(), email: z.string() }).nullable(),
  canDecide: z.boolean(),
});

export const approvalInboxOutput = z.strictObject({
  pending: z.array(approvalDetailOutput),
  history: z.array(approvalDetailOutput),
  nextCursor: z.string().nullable(),
});
