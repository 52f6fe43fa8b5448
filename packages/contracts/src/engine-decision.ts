/**
 * The engine's decision as a schema: what `evaluate` returns, field for field. A type test
 * (test/engine-decision.test-d.ts) holds `EngineDecision` equal to @sekuire/policy-engine's
 * `Decision`, so the wire and the engine cannot drift apart. The engine itself imports nothing
 * of ours, so the schema lives here and the engine is only a dev dependency.
 */
import { z } from "zod";

export const engineReasonSchema = z.enum([
  "ExplicitDeny",
  "ApprovalRequired",
  "ExplicitAllow",
  "ImplicitDeny",
  "InvalidAction",
  "InvalidResource",
]);

export const platformReasonSchema = z.enum([
  "ApprovalGranted",
  "ApprovalDenied",
  "ApprovalExpired",
  "ApprovalConsumed",
  "ApprovalMismatch",
  "LimitExceeded",
  "Frozen",
  "Unavailable",
]);

/** Spec §5's closed list plus the platform's own. */
export const reasonSchema = z.enum([
  ...engineReasonSchema.options,
  ...platformReasonSchema.options,
]);

export const decisionKindSchema = z.enum(["Allow", "Deny", "RequireApproval"]);
export const effectSchema = z.enum(["Allow", "Deny"]);
export const approverRoleSchema = z.enum(["owner", "admin", "approver"]);

export const notificationChannelSchema = z.union([
  z.object({ type: z.literal("email") }),
  z.object({ type: z.literal("webhook"), url: z.string() }),
]);

/** Integers: seconds, counts, micro-USD and bytes. Absent = no limit. */
export const effectiveLimitsSchema = z
  .object({
    MaxExecutionTime: z.number().int().optional().describe("seconds"),
    MaxTokens: z.number().int().optional(),
    MaxCostPerHour: z.number().int().optional().describe("micro-USD (1 USD = 1,000,000)"),
    MaxMemory: z.number().int().optional().describe("bytes"),
    MaxStorage: z.number().int().optional().describe("bytes"),
    MaxConcurrentRequests: z.number().int().optional(),
    MaxApiCallsPerHour: z.number().int().optional(),
  })
  .meta({ id: "Limits" });

export const auditIncludeSchema = z.enum([
  "all_actions",
  "outcomes",
  "resources",
  "timestamps",
  "context",
]);

export const effectiveAuditSchema = z.object({
  required: z.boolean(),
  retentionDays: z.number().int(),
  include: z.array(auditIncludeSchema),
  redactPII: z.boolean(),
});

export const approvalRuleSchema = z.object({
  approverRole: approverRoleSchema,
  timeoutSeconds: z.number().int(),
  channels: z.array(notificationChannelSchema),
});

export const approvalEntryRefSchema = z.object({
  policyId: z.string().optional(),
  pointer: z.string(),
});

export const matchedStatementSchema = z
  .object({
    policyId: z.string().optional(),
    sid: z.string().optional(),
    statement: z.number().int().describe("zero-based index in the policy's Statement"),
    effect: effectSchema,
  })
  .meta({ id: "MatchedStatement" });

export const evaluationErrorSchema = z.object({
  policyId: z.string().optional(),
  sid: z.string().optional(),
  statement: z.number().int(),
  pointer: z.string(),
  code: z.enum(["UnreadableValue", "UnexpectedList", "MissingVariable"]),
  message: z.string(),
});

export const conditionExplanationSchema = z.object({
  pointer: z.string(),
  operator: z.string(),
  key: z.string(),
  result: z.enum(["true", "false", "error"]),
  value: z.unknown().optional(),
});

export const statementExplanationSchema = z.object({
  policyId: z.string().optional(),
  sid: z.string().optional(),
  statement: z.number().int(),
  effect: effectSchema,
  matched: z.boolean(),
  action: z.boolean(),
  resource: z.union([z.boolean(), z.literal("error")]),
  conditions: z.array(conditionExplanationSchema),
  summary: z.string(),
});

export const engineDecisionSchema = z.object({
  decision: decisionKindSchema,
  reason: engineReasonSchema,
  matched: z.array(matchedStatementSchema),
  errors: z.array(evaluationErrorSchema),
  limits: effectiveLimitsSchema,
  audit: effectiveAuditSchema,
  approval: approvalRuleSchema.extend({ entries: z.array(approvalEntryRefSchema) }).optional(),
  explanation: z.array(statementExplanationSchema).optional(),
  message: z.string().optional(),
});

export type EngineDecision = z.infer<typeof engineDecisionSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type DecisionKind = z.infer<typeof decisionKindSchema>;
export type ApproverRole = z.infer<typeof approverRoleSchema>;
