/**
 * An approval request as people and agents read it. Expiry is judged at read time: a pending
 * request past its `expiresAt` reads `expired` before any job has marked it, so nobody can
 * approve, nor an agent wait on, a request whose time is up.
 */
import type { ApprovalStatus, Role } from "@sekuire/db";

export const approvalSelect = {
  id: true,
  organizationId: true,
  workspaceId: true,
  agentId: true,
  action: true,
  resource: true,
  context: true,
  reason: true,
  matched: true,
  status: true,
  approverRole: true,
  expiresAt: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
  consumedAt: true,
  createdAt: true,
  requestHash: true,
} as const;

export interface ApprovalRow {
  id: string;
  organizationId: string;
  workspaceId: string;
  agentId: string;
  action: string;
  resource: string;
  context: unknown;
  reason: string | null;
  matched: unknown;
  status: ApprovalStatus;
  approverRole: Role;
  expiresAt: Date;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  consumedAt: Date | null;
  createdAt: Date;
  requestHash: string | null;
}

export type ApprovalViewStatus = "pending" | "approved" | "denied" | "expired" | "consumed";

export interface ApprovalView extends Omit<ApprovalRow, "status" | "requestHash"> {
  status: ApprovalViewStatus;
}

export function effectiveStatus(row: Pick<ApprovalRow, "status" | "expiresAt">, now: Date) {
  return row.status === "pending" && row.expiresAt.getTime() <= now.getTime()
    ? "expired"
    : row.status;
}

export function toApprovalView(row: ApprovalRow, now: Date): ApprovalView {
  const { requestHash: _, ...rest } = row;
  return { ...rest, status: effectiveStatus(row, now) };
}
