/**
 * The decision API's wire format (`POST /v1/decisions`, its batch form and the completion
 * report). The key decides organization, workspace and agent, so the body names only the action.
 */
import { z } from "zod";
import {
  approverRoleSchema,
  decisionKindSchema,
  effectiveLimitsSchema,
  effectSchema,
  reasonSchema,
} from "./engine-decision.js";
import { errorBodySchema } from "./errors.js";

export const MAX_BATCH = 100;

export const decisionRequestSchema = z
  .object({
    action: z.string().min(1).max(256).describe("e.g. file:Write, tool:bash:execute"),
    resource: z.string().min(1).max(4096).describe("a URI-like resource, e.g. file:///srv/a.txt"),
    context: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        "condition keys; source.ip, time.current, agent.id, workspace.id and organization.id are set by the server",
      ),
    approvalId: z.string().min(1).max(64).optional().describe("redeems an approved request"),
  })
  .strict()
  .meta({ id: "DecisionRequest" });

export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export const pendingApprovalSchema = z
  .object({
    id: z.string(),
    status: z.literal("pending"),
    expiresAt: z.iso.datetime(),
    approverRole: approverRoleSchema,
  })
  .meta({ id: "PendingApproval" });

/** The limits a decision can be refused for; the others come back for the agent to enforce. */
export const checkedLimitSchema = z.enum([
  "MaxTokens",
  "MaxCostPerHour",
  "MaxApiCallsPerHour",
  "MaxConcurrentRequests",
]);

/** A statement that decided it, with the policy version it is in. */
export const matchedVersionSchema = z
  .object({
    policyId: z.string(),
    policyName: z.string().optional(),
    versionId: z.string().optional(),
    versionNumber: z.number().int().optional(),
    sid: z.string().optional(),
    statement: z.number().int().describe("zero-based index in the policy's Statement"),
    effect: effectSchema,
  })
  .meta({ id: "MatchedVersion" });

export const decisionResponseSchema = z
  .object({
    decisionId: z.string(),
    decision: decisionKindSchema,
    reason: reasonSchema,
    message: z.string().optional().describe("a sentence about why"),
    limit: checkedLimitSchema.optional().describe("the limit a LimitExceeded names"),
    matched: z.array(matchedVersionSchema),
    limits: effectiveLimitsSchema,
    approval: pendingApprovalSchema.optional(),
  })
  .meta({ id: "DecisionResponse" });

export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

export const batchRequestSchema = z
  .object({ requests: z.array(decisionRequestSchema).min(1).max(MAX_BATCH) })
  .strict()
  .meta({ id: "BatchDecisionRequest" });

export const batchResponseSchema = z
  .object({ decisions: z.array(decisionResponseSchema) })
  .meta({ id: "BatchDecisionResponse" });

/** What the agent reports when the action is done: it releases the slot and settles the cost. */
export const usageReportSchema = z
  .object({
    tokens: z.number().int().nonnegative().optional(),
    costUsd: z.number().nonnegative().optional(),
    durationMs: z.number().int().nonnegative().optional(),
    memoryBytes: z.number().int().nonnegative().optional(),
    storageBytes: z.number().int().nonnegative().optional(),
  })
  .strict()
  .meta({ id: "UsageReport" });

export type UsageReport = z.infer<typeof usageReportSchema>;

/** A 503's body: the decision still reads Deny, so a client that only reads `decision` is safe. */
export const unavailableResponseSchema = z
  .object({
    decision: z.literal("Deny"),
    reason: z.literal("Unavailable"),
    error: errorBodySchema,
  })
  .meta({ id: "UnavailableResponse" });
