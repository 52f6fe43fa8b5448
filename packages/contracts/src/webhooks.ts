/**
 * The webhook body (`sekuire.webhook/v1`): what a receiver gets for each approval event, signed
 * in the `Sekuire-Signature` header (`t=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>">` under
 * the workspace's secret). The `id` is the delivery's: a retry repeats it, so receivers
 * de-duplicate by it. Fields are only ever added within v1; a breaking change is v2.
 */
import { z } from "zod";

export const WEBHOOK_SCHEMA = "sekuire.webhook/v1";

export const WEBHOOK_EVENTS = [
  "approval.requested",
  "approval.escalated",
  "approval.decided",
  "approval.expired",
  "webhook.test",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const named = z.object({ id: z.string(), name: z.string() });

export const webhookApprovalSchema = z.object({
  id: z.string(),
  agent: named,
  action: z.string(),
  resource: z.string(),
  context: z.unknown().describe("the request context as recorded (redacted when RedactPII)"),
  reason: z.string().nullable().describe("the approval rule's reason"),
  approverRole: z.enum(["owner", "admin", "approver", "viewer"]),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  url: z.url().describe("the console page where an approver decides"),
  /** with approval.decided and approval.expired: how it ended */
  resolution: z
    .object({
      status: z.enum(["approved", "denied", "expired"]),
      decidedAt: z.iso.datetime().nullable(),
      decidedBy: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
      comment: z.string().nullable(),
    })
    .optional(),
});

export const webhookPayloadSchema = z.object({
  schema: z.literal(WEBHOOK_SCHEMA),
  id: z.string().describe("the delivery's id: the same on every retry"),
  event: z.enum(WEBHOOK_EVENTS),
  createdAt: z.iso.datetime(),
  organization: named,
  workspace: named,
  /** absent for `webhook.test` */
  approval: webhookApprovalSchema.optional(),
});

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
