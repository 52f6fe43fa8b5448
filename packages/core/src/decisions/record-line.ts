/** A stored decision record as the export's line (`sekuire.decision/v1`): the one record view. */
import { DECISION_EXPORT_SCHEMA, type DecisionExportLine } from "@sekuire/contracts";
import type { Db } from "@sekuire/db";

export type DecisionRow = Awaited<ReturnType<Db["decisionLog"]["findMany"]>>[number];

export function lineOf(row: DecisionRow): DecisionExportLine {
  return {
    schema: DECISION_EXPORT_SCHEMA,
    id: row.id,
    organizationId: row.organizationId,
    workspaceId: row.workspaceId,
    seq: row.seq.toString(),
    time: row.createdAt.toISOString(),
    agentId: row.agentId,
    apiKeyId: row.apiKeyId,
    requestId: row.requestId,
    action: row.action,
    resource: row.resource,
    decision: row.decision,
    reason: row.reason,
    matched: row.matched ?? null,
    approvalId: row.approvalId,
    context: row.context ?? null,
    details: row.details ?? null,
    latencyUs: row.latencyUs,
    retentionUntil: row.retentionUntil.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
