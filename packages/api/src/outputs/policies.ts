import {
  effectiveAuditSchema,
  effectiveLimitsSchema,
  notificationChannelSchema,
} from "@sekuire/contracts";
import { z } from "zod";
import { at, atOrNull, findingSchema, personSchema } from "./common.js";

const versionRef = z.strictObject({ id: z.string(), number: z.number().int() });

export const policyRowOutput = z.strictObject({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  templateId: z.string().nullable(),
  draftDocument: z.string().nullable(),
  draftUpdatedAt: atOrNull,
  draftUpdatedById: z.string().nullable(),
  archivedAt: atOrNull,
  createdAt: at,
  updatedAt: at,
});

/** A draft written (created, saved, restored) and what the engine found in it. */
export const draftOutput = z.strictObject({
  policy: policyRowOutput,
  findings: z.array(findingSchema),
});

export const versionRowOutput = z.strictObject({
  id: z.string(),
  organizationId: z.string(),
  policyId: z.string(),
  number: z.number().int(),
  document: z.string(),
  changeNote: z.string(),
  createdById: z.string().nullable(),
  createdAt: at,
  approvedById: z.string().nullable(),
  approvedAt: atOrNull,
});

export const publishRequestRowOutput = z.strictObject({
  id: z.string(),
  organizationId: z.string(),
  policyId: z.string(),
  status: z.enum(["pending", "approved", "rejected", "cancelled"]),
  document: z.string(),
  changeNote: z.string(),
  baseVersionNumber: z.number().int().nullable(),
  requestedById: z.string().nullable(),
  createdAt: at,
  decidedById: z.string().nullable(),
  decidedAt: atOrNull,
  decisionNote: z.string().nullable(),
  versionId: z.string().nullable(),
});

export const policyListOutput = z.array(
  policyRowOutput.omit({ draftDocument: true }).extend({
    latestVersion: z
      .strictObject({ id: z.string(), number: z.number().int(), createdAt: at })
      .nullable(),
    hasUnpublishedChanges: z.boolean(),
    assignmentCount: z.number().int(),
    pendingPublishRequests: z.number().int(),
  }),
);

export const policyOutput = policyRowOutput.extend({
  latestVersion: versionRowOutput.nullable(),
  hasUnpublishedChanges: z.boolean(),
  assignments: z.array(
    z.strictObject({
      id: z.string(),
      workspace: z.strictObject({ id: z.string(), name: z.string(), slug: z.string() }),
      pinnedVersion: versionRef.nullable(),
    }),
  ),
  pendingPublishRequests: z.array(publishRequestRowOutput),
});

export const versionListOutput = z.array(
  versionRowOutput
    .omit({ organizationId: true, document: true, createdById: true, approvedById: true })
    .extend({ createdBy: personSchema.nullable(), approvedBy: personSchema.nullable() }),
);

export const versionOutput = versionRowOutput.extend({
  createdBy: personSchema.nullable(),
  approvedBy: personSchema.nullable(),
});

const diffLine = z.strictObject({
  kind: z.enum(["added", "removed", "unchanged"]),
  text: z.string(),
  oldLine: z.number().int().optional(),
  newLine: z.number().int().optional(),
});

export const diffOutput = z.strictObject({
  policyId: z.string(),
  from: versionRef,
  to: versionRef,
  added: z.number().int(),
  removed: z.number().int(),
  hunks: z.array(
    z.strictObject({
      oldStart: z.number().int(),
      oldLines: z.number().int(),
      newStart: z.number().int(),
      newLines: z.number().int(),
      lines: z.array(diffLine),
    }),
  ),
  lines: z.array(diffLine),
});

/** Published at once, or held for a second admin under four eyes. */
export const publishOutput = z.discriminatedUnion("status", [
  z.strictObject({
    status: z.literal("pending"),
    request: publishRequestRowOutput,
    version: z.null(),
    findings: z.array(findingSchema),
  }),
  z.strictObject({
    status: z.literal("published"),
    request: z.null(),
    version: versionRowOutput,
    findings: z.array(findingSchema),
  }),
]);

export const publishRequestListOutput = z.array(
  publishRequestRowOutput.extend({ policy: z.strictObject({ id: z.string(), name: z.string() }) }),
);

export const approvedPublishOutput = z.strictObject({
  request: publishRequestRowOutput,
  version: versionRowOutput,
});

export const rejectedPublishOutput = z.strictObject({ request: publishRequestRowOutput });

export const assignmentRowOutput = z.strictObject({
  id: z.string(),
  organizationId: z.string(),
  policyId: z.string(),
  workspaceId: z.string(),
  pinnedVersionId: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: at,
  updatedAt: at,
});

export const workspaceAssignmentsOutput = z.array(
  assignmentRowOutput.extend({
    policy: z.strictObject({ id: z.string(), name: z.string() }),
    pinnedVersion: versionRef.nullable(),
    liveVersion: versionRef.nullable(),
  }),
);

export const effectiveSettingsOutput = z.strictObject({
  workspace: z.strictObject({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    slug: z.string(),
  }),
  policies: z.array(
    z.strictObject({
      assignmentId: z.string(),
      policyId: z.string(),
      policyName: z.string(),
      versionId: z.string(),
      versionNumber: z.number().int(),
      pinned: z.boolean(),
    }),
  ),
  limits: effectiveLimitsSchema,
  audit: effectiveAuditSchema,
  approvals: z.array(
    z.strictObject({
      policyId: z.string(),
      policyName: z.string(),
      versionNumber: z.number().int(),
      actions: z.array(z.string()),
      approverRole: z.enum(["owner", "admin", "approver"]),
      timeoutSeconds: z.number().int(),
      channels: z.array(notificationChannelSchema),
    }),
  ),
  invalid: z.array(
    z.strictObject({
      policyId: z.string(),
      versionNumber: z.number().int(),
      findings: z.array(findingSchema),
    }),
  ),
});
