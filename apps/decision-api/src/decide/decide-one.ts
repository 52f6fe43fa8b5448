/**
 * One decision as the API makes it: the workspace's config (cached under its stamp), core's
 * pure `decide`, a pending approval when one is required, and the record when the policy asks
 * for it. With `AuditLog.Required` the answer waits for the record's commit; a record that
 * cannot be made durable then makes the answer a 503 Deny, never an unrecorded Allow.
 */
import type { DecisionResponse } from "@sekuire/contracts";
import {
  type DecisionOutcome,
  type DecisionRequestBody,
  decide,
  isRecorded,
  newDecisionId,
  openApprovalRequest,
  recordOf,
} from "@sekuire/core/decisions";
import type { DecisionApp } from "../app.js";
import { HttpError, Unavailable } from "../http/errors.js";
import { withDeadline } from "../state/deadline.js";
import type { Caller } from "./authenticate.js";

export interface DecideOptions {
  requestId: string;
  /** process.hrtime.bigint() when the request arrived */
  startedAt: bigint;
}

export async function decideOne(
  app: DecisionApp,
  caller: Caller,
  request: DecisionRequestBody & { approvalId?: string },
  options: DecideOptions,
): Promise<DecisionResponse> {
  const config = await app.configs.get(caller);
  if (!config) throw new HttpError("UNAUTHORIZED", "The API key's workspace no longer exists.");
  const at = app.now();
  const outcome = decide(config, caller, request, at);
  const decisionId = newDecisionId();
  const recordedContext = outcome.context;
  const approval =
    outcome.decision === "RequireApproval" && outcome.approval
      ? await withDeadline(
          "Postgres (the approval request)",
          app.settings.storeTimeoutMs,
          openApprovalRequest(app.db, {
            caller,
            request,
            outcome: { ...outcome, approval: outcome.approval },
            decisionId,
            recordedContext,
            at,
          }),
        )
      : undefined;
  await record(app, caller, request, outcome, {
    decisionId,
    approvalId: approval?.id ?? null,
    ...options,
    at,
  });
  if (outcome.reason === "Unavailable")
    throw new Unavailable(outcome.message ?? "The workspace's policies cannot be loaded.");
  return {
    decisionId,
    decision: outcome.decision,
    reason: outcome.reason,
    ...(outcome.message ? { message: outcome.message } : {}),
    matched: outcome.matched,
    limits: outcome.limits,
    ...(approval
      ? {
          approval: {
            id: approval.id,
            status: approval.status,
            expiresAt: approval.expiresAt.toISOString(),
            approverRole: approval.approverRole,
          },
        }
      : {}),
  };
}

async function record(
  app: DecisionApp,
  caller: Caller,
  request: DecisionRequestBody,
  outcome: DecisionOutcome,
  extra: DecideOptions & { decisionId: string; approvalId: string | null; at: Date },
): Promise<void> {
  if (!isRecorded(outcome)) return;
  const latencyUs = Number((process.hrtime.bigint() - extra.startedAt) / 1000n);
  const entry = recordOf(caller, request, outcome, {
    id: extra.decisionId,
    requestId: extra.requestId,
    approvalId: extra.approvalId,
    latencyUs,
    at: extra.at,
  });
  const appended = app.log.append(entry);
  if (outcome.audit.required) {
    await withDeadline("Postgres (the decision record)", app.settings.storeTimeoutMs, appended);
    return;
  }
  // Not required: the answer does not wait, but a lost record is still said out loud.
  appended.catch((error: unknown) =>
    app.logger.error(
      { err: error, requestId: extra.requestId, decisionId: extra.decisionId },
      "a decision record (not required) could not be written",
    ),
  );
}
