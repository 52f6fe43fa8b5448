/**
 * The agent's side of approvals: a RequireApproval decision opens a pending request bound to
 * what was asked (agent, canonical action and resource, and a hash of the caller's own context,
 * unredacted, so a redacted record still binds it), and the agent reads its state back.
 */
import { createHash } from "node:crypto";
import type { Db } from "@sekuire/db";
import type { DecisionApproval } from "@sekuire/policy-engine";
import { stringify } from "safe-stable-stringify";
import { type ServerValues, serverContext } from "./context.js";
import type { DecisionCaller, DecisionOutcome, DecisionRequestBody } from "./decide.js";

const NO_SERVER_VALUES: ServerValues = {
  "source.ip": undefined,
  "time.current": undefined,
  "agent.id": undefined,
  "workspace.id": undefined,
  "organization.id": undefined,
};

/**
 * The hash an approval is bound to: the agent, the action and resource as canonical as they
 * get, and the caller's context without the keys the server sets (those change every call).
 */
export function approvalRequestHash(
  agentId: string,
  request: DecisionRequestBody,
  outcome: Pick<DecisionOutcome, "canonicalAction" | "canonicalResource">,
): string {
  const text = stringify({
    agentId,
    action: outcome.canonicalAction ?? request.action,
    resource: outcome.canonicalResource ?? request.resource,
    context: serverContext(request.context, NO_SERVER_VALUES),
  });
  return createHash("sha256")
    .update(text ?? "")
    .digest("hex");
}

export interface OpenedApproval {
  id: string;
  status: "pending";
  expiresAt: Date;
  approverRole: DecisionApproval["approverRole"];
}

export async function openApprovalRequest(
  db: Db,
  input: {
    caller: DecisionCaller;
    request: DecisionRequestBody;
    outcome: DecisionOutcome & { approval: DecisionApproval };
    decisionId: string;
    /** the context as it is recorded (redacted when the policy asks) */
    recordedContext: unknown;
    at: Date;
  },
): Promise<OpenedApproval> {
  const { caller, request, outcome, at } = input;
  const expiresAt = new Date(at.getTime() + outcome.approval.timeoutSeconds * 1000);
  const row = await db.approvalRequest.create({
    data: {
      organizationId: caller.organizationId,
      workspaceId: caller.workspaceId,
      agentId: caller.agentId,
      decisionLogId: input.decisionId,
      action: outcome.canonicalAction ?? request.action,
      resource: outcome.canonicalResource ?? request.resource,
      context: (input.recordedContext ?? undefined) as object | undefined,
      reason: outcome.message ?? null,
      requestHash: approvalRequestHash(caller.agentId, request, outcome),
      matched: { statements: outcome.matched, entries: outcome.approval.entries } as object,
      approverRole: outcome.approval.approverRole,
      expiresAt,
      createdAt: at,
    },
    select: { id: true, expiresAt: true, approverRole: true },
  });
  return {
    id: row.id,
    status: "pending",
    expiresAt: row.expiresAt,
    approverRole: row.approverRole as OpenedApproval["approverRole"],
  };
}
