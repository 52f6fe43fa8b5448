/**
 * The agent's side of approvals: a RequireApproval decision opens a pending request bound to
 * what was asked (agent, canonical action and resource, and a hash of the caller's own context,
 * unredacted, so a redacted record still binds it), and the agent reads its state back.
 */
import { createHash } from "node:crypto";
import type { Db } from "@sekuire/db";
import type { DecisionApproval } from "@sekuire/policy-engine";
import { stringify } from "safe-stable-stringify";
import { approvalSelect, effectiveStatus } from "../approvals/approval-view.js";
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
  createdAt: Date;
  approverRole: DecisionApproval["approverRole"];
}

export async function openApprovalRequest(
  db: Db,
  input: {
    caller: DecisionCaller;
    request: DecisionRequestBody;
    outcome: DecisionOutcome & { approval: DecisionApproval };
    decisionId: string;
    /** the context and resource as they are recorded (redacted when the policy asks) */
    recordedContext: unknown;
    recordedResource?: string;
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
      resource: input.recordedResource ?? outcome.canonicalResource ?? request.resource,
      context: (input.recordedContext ?? undefined) as object | undefined,
      reason: outcome.message ?? null,
      requestHash: approvalRequestHash(caller.agentId, request, outcome),
      matched: { statements: outcome.matched, entries: outcome.approval.entries } as object,
      approverRole: outcome.approval.approverRole,
      channels: outcome.approval.channels as object,
      expiresAt,
      createdAt: at,
    },
    select: { id: true, expiresAt: true, approverRole: true, createdAt: true },
  });
  return {
    id: row.id,
    status: "pending",
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    approverRole: row.approverRole as OpenedApproval["approverRole"],
  };
}

/** An approved request may be redeemed once, within this long of its approval. */
export const REDEEM_WINDOW_MS = 60 * 60_000;

export interface AgentApprovalState {
  id: string;
  status: "pending" | "approved" | "denied" | "expired";
  decidedBy?: string;
  decidedAt?: Date;
  comment?: string;
  consumedAt?: Date;
  expiresAt: Date;
}

const stateSelect = {
  ...approvalSelect,
  decidedBy: { select: { email: true, name: true } },
} as const;

/** The request as its agent reads it; null when it is not this agent's (or does not exist). */
export async function readApprovalState(
  db: Db,
  caller: Pick<DecisionCaller, "organizationId" | "agentId">,
  approvalId: string,
  now: Date,
): Promise<AgentApprovalState | null> {
  const row = await db.approvalRequest.findFirst({
    where: { organizationId: caller.organizationId, agentId: caller.agentId, id: approvalId },
    select: stateSelect,
  });
  if (!row) return null;
  const status = effectiveStatus(row, now);
  const decidedBy = row.decidedBy?.name ?? row.decidedBy?.email;
  return {
    id: row.id,
    // Consumed is an approval that was used: the agent reads it as approved, with when.
    status: status === "consumed" ? "approved" : status,
    ...(decidedBy ? { decidedBy } : {}),
    ...(row.decidedAt ? { decidedAt: row.decidedAt } : {}),
    ...(row.decisionNote ? { comment: row.decisionNote } : {}),
    ...(row.consumedAt ? { consumedAt: row.consumedAt } : {}),
    expiresAt: row.expiresAt,
  };
}

export type Redemption =
  | { kind: "granted"; approvalId: string }
  | { kind: "pending"; approval: OpenedApproval }
  | {
      kind: "refused";
      reason: "ApprovalDenied" | "ApprovalExpired" | "ApprovalConsumed" | "ApprovalMismatch";
      message: string;
    };

/**
 * Whether `approvalId` lets this request through: it must be this agent's, for this action,
 * canonical resource and caller context (the hash), approved, unconsumed, and redeemed within
 * an hour of its approval. Reading is not redeeming: `consumeApproval` does that, once.
 */
export async function checkRedemption(
  db: Db,
  caller: DecisionCaller,
  approvalId: string,
  request: DecisionRequestBody,
  outcome: Pick<DecisionOutcome, "canonicalAction" | "canonicalResource">,
  now: Date,
): Promise<Redemption> {
  const row = await db.approvalRequest.findFirst({
    where: { organizationId: caller.organizationId, agentId: caller.agentId, id: approvalId },
    select: approvalSelect,
  });
  const hash = approvalRequestHash(caller.agentId, request, outcome);
  if (!row || row.requestHash !== hash)
    return {
      kind: "refused",
      reason: "ApprovalMismatch",
      message:
        "This approval was not given for this agent, action, resource and context: ask again.",
    };
  const status = effectiveStatus(row, now);
  if (status === "pending")
    return {
      kind: "pending",
      approval: {
        id: row.id,
        status: "pending",
        expiresAt: row.expiresAt,
        createdAt: row.createdAt,
        approverRole: row.approverRole as OpenedApproval["approverRole"],
      },
    };
  if (status === "denied")
    return { kind: "refused", reason: "ApprovalDenied", message: "The request was denied." };
  if (status === "consumed")
    return { kind: "refused", reason: "ApprovalConsumed", message: "This approval was used." };
  if (status === "expired" || !row.decidedAt)
    return { kind: "refused", reason: "ApprovalExpired", message: "The request timed out." };
  if (now.getTime() - row.decidedAt.getTime() > REDEEM_WINDOW_MS)
    return {
      kind: "refused",
      reason: "ApprovalExpired",
      message: "The approval was not redeemed within an hour: ask again.",
    };
  return { kind: "granted", approvalId: row.id };
}

/** Redeems an approved request, once: false when another redemption won the race. */
export async function consumeApproval(
  db: Db,
  caller: Pick<DecisionCaller, "organizationId" | "agentId">,
  approvalId: string,
  now: Date,
): Promise<boolean> {
  const { count } = await db.approvalRequest.updateMany({
    where: {
      organizationId: caller.organizationId,
      agentId: caller.agentId,
      id: approvalId,
      status: "approved",
      decidedAt: { gte: new Date(now.getTime() - REDEEM_WINDOW_MS) },
    },
    data: { status: "consumed", consumedAt: now },
  });
  return count === 1;
}
