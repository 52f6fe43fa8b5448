/**
 * AuthZEN 1.0 (OpenID Authorization API) requests as the decision API accepts them at
 * `/access/v1/evaluation` and `/access/v1/evaluations`, so AuthZEN clients work unchanged. How
 * subject, action and resource map onto Sekuire's action, resource and context is documented
 * in apps/decision-api/README.md.
 */
import { z } from "zod";
import { MAX_BATCH } from "./decisions.js";

const properties = z.record(z.string(), z.unknown()).optional();

export const authzenSubjectSchema = z
  .object({ type: z.string().min(1), id: z.string().min(1), properties })
  .meta({ id: "AuthzenSubject" });

export const authzenResourceSchema = z
  .object({
    type: z
      .string()
      .min(1)
      .regex(/^[A-Za-z][A-Za-z0-9+.-]*$/, "a resource type is a URI scheme"),
    id: z.string().min(1).max(2048),
    properties,
  })
  .meta({ id: "AuthzenResource" });

export const authzenActionSchema = z
  .object({ name: z.string().min(1).max(200), properties })
  .meta({ id: "AuthzenAction" });

const context = z.record(z.string(), z.unknown()).optional();

export const authzenEvaluationSchema = z
  .object({
    subject: authzenSubjectSchema,
    action: authzenActionSchema,
    resource: authzenResourceSchema,
    context,
  })
  .meta({ id: "AuthzenEvaluationRequest" });

export type AuthzenEvaluation = z.infer<typeof authzenEvaluationSchema>;

export const evaluationsSemanticSchema = z.enum([
  "execute_all",
  "deny_on_first_deny",
  "permit_on_first_permit",
]);

/** Top-level values are defaults; an entry's own subject, action, resource or context replaces them. */
export const authzenEvaluationsSchema = z
  .object({
    subject: authzenSubjectSchema.optional(),
    action: authzenActionSchema.optional(),
    resource: authzenResourceSchema.optional(),
    context,
    evaluations: z
      .array(
        z.object({
          subject: authzenSubjectSchema.optional(),
          action: authzenActionSchema.optional(),
          resource: authzenResourceSchema.optional(),
          context,
        }),
      )
      .max(MAX_BATCH)
      .optional(),
    options: z
      .object({ evaluations_semantic: evaluationsSemanticSchema.default("execute_all") })
      .loose()
      .optional(),
  })
  .meta({ id: "AuthzenEvaluationsRequest" });

export const authzenDecisionSchema = z
  .object({
    decision: z.boolean().describe("true only for Allow"),
    context: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("decisionId, Sekuire's decision and reason, and a pending approval"),
  })
  .meta({ id: "AuthzenEvaluationResponse" });

export const authzenEvaluationsResponseSchema = z
  .object({ evaluations: z.array(authzenDecisionSchema) })
  .meta({ id: "AuthzenEvaluationsResponse" });
