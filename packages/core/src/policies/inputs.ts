/**
 * The zod inputs of the policy services. Every service parses its own input, so a script or the
 * worker calling core directly gets the same checks as the tRPC procedures.
 */
import { z } from "zod";
import { descriptionSchema, idOf, nameSchema, organizationIdSchema } from "../shared/index.js";

export const policyIdSchema = idOf("pol");
export const versionIdSchema = idOf("pov");
export const publishRequestIdSchema = idOf("pub");
export const assignmentIdSchema = idOf("asg");
export const workspaceIdSchema = idOf("ws");

/** The engine refuses documents over 256 KiB itself; this only stops absurd payloads early. */
const documentSchema = z.string().max(1_000_000, "The document is too large.");
const changeNoteSchema = z.string().trim().min(1, "Say what changed.").max(2000);
const noteSchema = z.string().trim().max(2000);

export const templateIdSchema = z.enum(["development", "production", "hipaa"]);

export const orgScoped = z.object({ organizationId: organizationIdSchema });

export const createPolicyInput = z
  .object({
    organizationId: organizationIdSchema,
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
    /** Start from one of the engine's seed templates… */
    templateId: templateIdSchema.optional(),
    /** …or from a document of one's own (an import); neither means the blank starter. */
    document: documentSchema.optional(),
  })
  .refine((v) => !(v.templateId && v.document !== undefined), {
    message: "Give a template or a document, not both.",
    path: ["document"],
  })
  .refine((v) => v.name !== undefined || v.templateId !== undefined, {
    message: "A policy needs a name.",
    path: ["name"],
  });

export const policyRef = z.object({
  organizationId: organizationIdSchema,
  policyId: policyIdSchema,
});

export const saveDraftInput = policyRef.extend({
  document: documentSchema,
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
});

export const publishInput = policyRef.extend({
  changeNote: changeNoteSchema,
  /** When given, saved as the draft and published in one step (the CLI's path). */
  document: documentSchema.optional(),
});

export const publishRequestRef = z.object({
  organizationId: organizationIdSchema,
  requestId: publishRequestIdSchema,
});

export const decidePublishInput = publishRequestRef.extend({ note: noteSchema.optional() });

export const listPublishRequestsInput = z.object({
  organizationId: organizationIdSchema,
  policyId: policyIdSchema.optional(),
  status: z.enum(["pending", "approved", "rejected", "cancelled"]).optional(),
});

export const versionRef = z.object({
  organizationId: organizationIdSchema,
  versionId: versionIdSchema,
});

export const diffInput = z.object({
  organizationId: organizationIdSchema,
  fromVersionId: versionIdSchema,
  toVersionId: versionIdSchema,
  context: z.number().int().min(0).max(100).optional(),
});

export const workspaceRef = z.object({
  organizationId: organizationIdSchema,
  workspaceId: workspaceIdSchema,
});

export const assignInput = workspaceRef.extend({
  policyId: policyIdSchema,
  /** null or absent: follow the latest published version. */
  pinnedVersionId: versionIdSchema.nullable().optional(),
});

export const changeAssignmentInput = z.object({
  organizationId: organizationIdSchema,
  assignmentId: assignmentIdSchema,
  pinnedVersionId: versionIdSchema.nullable(),
});

export const assignmentRef = z.object({
  organizationId: organizationIdSchema,
  assignmentId: assignmentIdSchema,
});
