/**
 * An approval request as the console shows it: the view, with the agent's and workspace's names,
 * who decided, and whether the reader may decide it (a user whose role is at least the
 * request's approver role, while it is pending).
 */
import type { Role } from "@sekuire/db";
import { type Access, type Principal, roleAtLeast } from "../access/index.js";
import { type ApprovalView, approvalSelect, toApprovalView } from "./approval-view.js";

export const approvalDetailSelect = {
  ...approvalSelect,
  agent: { select: { name: true } },
  workspace: { select: { name: true } },
  decidedBy: { select: { name: true, email: true } },
} as const;

export interface ApprovalDetail extends ApprovalView {
  agentName: string;
  workspaceName: string;
  decidedBy: { name: string | null; email: string } | null;
  /** this reader may approve or deny it now */
  canDecide: boolean;
}

type DetailRow = Parameters<typeof toApprovalView>[0] & {
  agent: { name: string };
  workspace: { name: string };
  decidedBy: { name: string | null; email: string } | null;
};

export interface Reader {
  role: Role;
  /** only people decide (tokens never do) */
  isUser: boolean;
}

export function readerOf(access: Pick<Access, "role">, principal: Principal): Reader {
  return { role: access.role, isUser: principal.kind === "user" };
}

export function toApprovalDetail(row: DetailRow, reader: Reader, now: Date): ApprovalDetail {
  const { agent, workspace, decidedBy, ...rest } = row;
  const view = toApprovalView(rest, now);
  return {
    ...view,
    agentName: agent.name,
    workspaceName: workspace.name,
    decidedBy,
    canDecide:
      reader.isUser && view.status === "pending" && roleAtLeast(reader.role, view.approverRole),
  };
}
