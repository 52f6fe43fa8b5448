/**
 * Which decisions are recorded and with what (spec §6): every Deny and RequireApproval, every
 * decision with `all_actions`; each record holds id, time, workspace, agent, action and
 * decision, and `Include` adds outcomes (reason, matched), resources, timestamps (latency) and
 * context. Retention is fixed on the record when written.
 */
import type { DecisionCaller, DecisionOutcome } from "./decide.js";
import type { DecisionRecordInput } from "./decision-log.js";

export function isRecorded(outcome: Pick<DecisionOutcome, "decision" | "audit">): boolean {
  return outcome.decision !== "Allow" || outcome.audit.include.includes("all_actions");
}

export function recordOf(
  caller: DecisionCaller,
  request: { action: string; resource: string },
  outcome: DecisionOutcome,
  extra: {
    id?: string;
    requestId: string | null;
    approvalId?: string | null;
    latencyUs: number;
    at: Date;
  },
  redact: (value: unknown) => unknown = (v) => v,
): DecisionRecordInput {
  const include = new Set(outcome.audit.include);
  const resource = outcome.canonicalResource ?? request.resource;
  return {
    ...(extra.id ? { id: extra.id } : {}),
    organizationId: caller.organizationId,
    workspaceId: caller.workspaceId,
    agentId: caller.agentId,
    apiKeyId: caller.keyId,
    requestId: extra.requestId,
    action: outcome.canonicalAction ?? request.action,
    resource: include.has("resources") ? (redact(resource) as string) : null,
    decision: outcome.decision,
    reason: include.has("outcomes") ? outcome.reason : null,
    matched: include.has("outcomes") ? outcome.matched : null,
    approvalId: extra.approvalId ?? null,
    context: include.has("context") ? redact(outcome.context) : null,
    details: outcome.message && include.has("outcomes") ? { message: outcome.message } : null,
    latencyUs: include.has("timestamps") ? extra.latencyUs : null,
    retentionDays: outcome.audit.retentionDays,
    createdAt: extra.at,
  };
}
