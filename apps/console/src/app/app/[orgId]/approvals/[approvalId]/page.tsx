import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalCard } from "@/components/approvals/approval-card";
import { AutoRefresh } from "@/components/approvals/auto-refresh";
import { DecideForm } from "@/components/approvals/decide-form";
import { serverCaller } from "@/server/api";
import { decideApprovalAction } from "../actions";

export const metadata: Metadata = { title: "Approval request" };
export const dynamic = "force-dynamic";

/**
 * The page an approval mail links to. Opening it decides nothing (mail scanners fetch links);
 * only the form's POST, by a signed-in member with the role, approves or denies.
 */
export default async function ApprovalPage({
  params,
}: {
  params: Promise<{ orgId: string; approvalId: string }>;
}) {
  const { orgId, approvalId } = await params;
  const caller = await serverCaller(`/app/${orgId}/approvals/${approvalId}`);
  const approval = await caller.approvals.get({ organizationId: orgId, approvalId });
  return (
    <div className="space-y-6">
      {approval.status === "pending" ? <AutoRefresh /> : null}
      <div>
        <Link className="text-sm text-slate-600 underline" href={`/app/${orgId}/approvals`}>
          All approvals
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">
          {approval.agentName} asks to {approval.action}
        </h1>
      </div>
      <ApprovalCard orgId={orgId} approval={approval}>
        {approval.canDecide ? (
          <DecideForm
            label="Decide this request"
            decide={decideApprovalAction.bind(null, orgId, approval.id)}
          />
        ) : approval.status === "pending" ? (
          <p className="text-sm text-slate-600">
            Read-only: deciding takes the {approval.approverRole} role or higher.
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            This request is {approval.status}: nothing left to decide.
          </p>
        )}
      </ApprovalCard>
    </div>
  );
}
