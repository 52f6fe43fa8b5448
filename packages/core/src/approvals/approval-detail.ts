/**
 * An approval request as the console shows it: the view, with the agent's and workspace's names,
 * who decided, and whether the reader may decide it (a user whose role is at least the
 * request's approver role, while it is pending).
 */
import type { Role } from "@sekuire/db";
import { roleAtLeast } from "../access/index.js";
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

export function toApprovalDetail(
  row: DetailRow,
  reader: { role: Role; isUser: boolean },
  now: Date,
): ApprovalDetail {
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
