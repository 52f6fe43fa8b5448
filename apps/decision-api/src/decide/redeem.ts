/**
 * Redeeming an approval: the agent repeats its request with `approvalId`. Only a request the
 * policy still sends to a human can be redeemed (an explicit Deny, a freeze or a limit still
 * wins, and a policy that now allows or denies it outright decides by itself). A granted
 * redemption is an Allow `ApprovalGranted`, consumed once after the limits admit it.
 */
import {
  checkRedemption,
  consumeApproval,
  type DecisionOutcome,
  type DecisionRequestBody,
  type OpenedApproval,
} from "@sekuire/core/decisions";
import type { DecisionApp } from "../app.js";
import { withDeadline } from "../state/deadline.js";
import type { Caller } from "./authenticate.js";
import { deniedFor } from "./outcomes.js";

export interface Redeemed {
  outcome: DecisionOutcome;
  /** set when the approval grants this request (still to be consumed) */
  grantedId?: string;
  /** set when the approval is still pending: answer with it instead of opening another */
  pending?: OpenedApproval;
}

export async function redeem(
  app: DecisionApp,
  caller: Caller,
  approvalId: string,
  request: DecisionRequestBody,
  outcome: DecisionOutcome,
  at: Date,
): Promise<Redeemed> {
  if (outcome.decision !== "RequireApproval") return { outcome };
  const redemption = await withDeadline(
    "Postgres (the approval request)",
    app.settings.storeTimeoutMs,
    checkRedemption(app.db, caller, approvalId, request, outcome, at),
  );
  switch (redemption.kind) {
    case "pending":
      return {
        outcome: { ...outcome, message: "The approval request is still pending." },
        pending: redemption.approval,
      };
    case "refused":
      return { outcome: deniedFor(outcome, redemption.reason, redemption.message) };
    case "granted": {
      const { approval: _asked, ...rest } = outcome;
      return {
        outcome: {
          ...rest,
          decision: "Allow",
          reason: "ApprovalGranted",
          message: "Approved by a person; this approval is now used.",
        },
        grantedId: redemption.approvalId,
      };
    }
  }
}

/**
 * Consumes the granted approval once the limits admitted the Allow. Another redemption that won
 * the race makes this one Deny `ApprovalConsumed`, and its lease is given back.
 */
export async function consume(
  app: DecisionApp,
  caller: Caller,
  decisionId: string,
  approvalId: string,
  outcome: DecisionOutcome,
  at: Date,
): Promise<DecisionOutcome> {
  if (outcome.reason !== "ApprovalGranted") return outcome;
  const timeout = app.settings.storeTimeoutMs;
  const won = await withDeadline(
    "Postgres (the approval request)",
    timeout,
    consumeApproval(app.db, caller, approvalId, at),
  );
  if (won) return outcome;
  if (app.limits.counts(outcome))
    await withDeadline(
      "Redis (the lease)",
      timeout,
      app.limits.complete(caller.workspaceId, decisionId, 0, at.getTime()),
    ).catch(() => undefined);
  return deniedFor(outcome, "ApprovalConsumed", "This approval was used by another request.");
}
