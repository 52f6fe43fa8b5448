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
  type OpenedApproval,
  openApprovalRequest,
  recordOf,
  redactValue,
} from "@sekuire/core/decisions";
import type { DecisionApp } from "../app.js";
import { HttpError, Unavailable } from "../http/errors.js";
import { type Admission, limitMessage } from "../limits/counters.js";
import { withDeadline } from "../state/deadline.js";
import type { Caller } from "./authenticate.js";
import { deniedFor } from "./outcomes.js";
import { consume, type Redeemed, redeem } from "./redeem.js";

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
  const decisionId = newDecisionId();
  const decided = decide(config, caller, request, at);
  const redeemed: Redeemed = request.approvalId
    ? await redeem(app, caller, request.approvalId, request, decided, at)
    : { outcome: decided };
  let outcome = await counted(app, caller, decisionId, redeemed.outcome, at);
  if (redeemed.grantedId)
    outcome = await consume(app, caller, decisionId, redeemed.grantedId, outcome, at);
  // RedactPII: what is written anywhere (record, approval request) is masked first.
  const redact = outcome.audit.redactPII ? redactValue : (value: unknown) => value;
  const recordedContext = redact(outcome.context);
  const recordedResource = redact(outcome.canonicalResource ?? request.resource) as string;
  const approval =
    outcome.decision !== "RequireApproval" || !outcome.approval
      ? undefined
      : (redeemed.pending ??
        opened(
          app,
          await withDeadline(
            "Postgres (the approval request)",
            app.settings.storeTimeoutMs,
            openApprovalRequest(app.db, {
              caller,
              request,
              outcome: { ...outcome, approval: outcome.approval },
              decisionId,
              recordedContext,
              recordedResource,
              at,
            }),
          ),
          caller.organizationId,
        ));
  await record(app, caller, request, outcome, {
    decisionId,
    approvalId: approval?.id ?? redeemed.grantedId ?? request.approvalId ?? null,
    ...options,
    at,
  });
  app.metrics.decisions.inc({ decision: outcome.decision, reason: outcome.reason });
  app.metrics.latency.observe(Number(process.hrtime.bigint() - options.startedAt) / 1e9);
  if (outcome.reason === "Unavailable")
    throw new Unavailable(outcome.message ?? "The workspace's policies cannot be loaded.");
  return {
    decisionId,
    decision: outcome.decision,
    reason: outcome.reason,
    ...(outcome.message ? { message: outcome.message } : {}),
    ...(outcome.limit ? { limit: outcome.limit } : {}),
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

/**
 * A new request's jobs (notify now, escalate halfway, expire at the deadline), not awaited: the
 * answer does not wait on Redis, and a job not enqueued is made up by the worker's sweeper.
 */
function opened(
  app: DecisionApp,
  approval: OpenedApproval,
  organizationId: string,
): OpenedApproval {
  app.jobs
    ?.approvalOpened({
      organizationId,
      approvalId: approval.id,
      createdAt: approval.createdAt,
      expiresAt: approval.expiresAt,
    })
    .catch((error: unknown) =>
      app.logger.warn(
        { err: error, approvalId: approval.id },
        "the approval's jobs were not enqueued: the worker's sweeper will",
      ),
    );
  return approval;
}

/**
 * The counted limits (calls, concurrency, spend) in one atomic step in Redis, for decisions
 * that some counted limit applies to. Over a limit: Deny LimitExceeded naming it. Redis down: an
 * Allow or approval request cannot be admitted safely (Unavailable); a Deny stays a Deny.
 */
async function counted(
  app: DecisionApp,
  caller: Caller,
  decisionId: string,
  outcome: DecisionOutcome,
  at: Date,
): Promise<DecisionOutcome> {
  if (outcome.reason === "Unavailable" || !app.limits.counts(outcome)) return outcome;
  let admission: Admission;
  try {
    admission = await withDeadline(
      "Redis (the limit counters)",
      app.settings.storeTimeoutMs,
      app.limits.admit(caller.workspaceId, decisionId, outcome, at.getTime()),
    );
  } catch (error) {
    if (outcome.decision !== "Deny") throw error;
    app.logger.warn({ err: error, decisionId }, "a Deny was not counted: Redis is unreachable");
    return outcome;
  }
  if (admission.admitted) return outcome;
  return deniedFor(outcome, "LimitExceeded", limitMessage(admission, outcome), {
    limit: admission.limit,
  });
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
  const redact = outcome.audit.redactPII ? redactValue : undefined;
  const entry = recordOf(
    caller,
    request,
    outcome,
    {
      id: extra.decisionId,
      requestId: extra.requestId,
      approvalId: extra.approvalId,
      latencyUs,
      at: extra.at,
    },
    redact,
  );
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
