/**
 * One decision record as exported: JSON lines, one record a line, each carrying its schema
 * version. Version 1 (`sekuire.decision/v1`); fields are only ever added within a version.
 * docs/decision-export.md describes each field; the CLI's replay reads this.
 */
import { z } from "zod";

export const DECISION_EXPORT_SCHEMA = "sekuire.decision/v1";

export const decisionExportLineSchema = z
  .object({
    schema: z.literal(DECISION_EXPORT_SCHEMA),
    id: z.string(),
    organizationId: z.string(),
    workspaceId: z.string(),
    seq: z.string().describe("position in the workspace's chain (a decimal integer)"),
    time: z.iso.datetime(),
    agentId: z.string(),
    apiKeyId: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string().describe("canonical (lower-case) action"),
    resource: z.string().nullable().describe("canonical resource, when Include has resources"),
    decision: z.enum(["Allow", "Deny", "RequireApproval"]),
    reason: z.string().nullable().describe("when Include has outcomes"),
    matched: z.unknown().describe("statements with policy versions, when Include has outcomes"),
    approvalId: z.string().nullable(),
    context: z
      .unknown()
      .describe("as evaluated (redacted under RedactPII), when Include has context"),
    details: z.unknown(),
    latencyUs: z.number().int().nullable().describe("when Include has timestamps"),
    retentionUntil: z.iso.datetime(),
    prevHash: z.string().nullable(),
    hash: z.string().describe("SHA-256 over the record's fields and prevHash"),
  })
  .meta({ id: "DecisionExportLine" });

export type DecisionExportLine = z.infer<typeof decisionExportLineSchema>;
