import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalCard, StatusBadge } from "@/components/approvals/approval-card";
import { AutoRefresh } from "@/components/approvals/auto-refresh";
import { DecideForm } from "@/components/approvals/decide-form";
import { notice } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/server/api";
import { decideApprovalAction } from "./actions";

export const metadata: Metadata = { title: "Approvals" };
export const dynamic = "force-dynamic";

export default async function ApprovalsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { orgId } = await params;
  const { cursor } = await searchParams;
  const caller = await serverCaller(`/app/${orgId}/approvals`);
  const inbox = await caller.approvals.list({
    organizationId: orgId,
    ...(cursor ? { cursor } : {}),
  });
  return (
    <div className="space-y-8">
      <AutoRefresh />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
        <p className="mt-1 text-sm text-slate-600">
          Actions your policies send to a person. Agents wait for the verdict; a request nobody
          answers expires.
        </p>
      </div>
      {cursor ? null : (
        <section aria-labelledby="pending-heading" className="space-y-3">
          <h2 id="pending-heading" className="text-lg font-medium">
            Waiting ({inbox.pending.length})
          </h2>
          {inbox.pending.length === 0 ? (
            <p className={notice}>Nothing waits for a decision.</p>
          ) : (
            inbox.pending.map((approval) => (
              <ApprovalCard key={approval.id} orgId={orgId} approval={approval}>
                {approval.canDecide ? (
                  <DecideForm
                    label={`Decide ${approval.action} by ${approval.agentName}`}
                    decide={decideApprovalAction.bind(null, orgId, approval.id)}
                  />
                ) : (
                  <p className="text-sm text-slate-600">
                    Read-only: deciding takes the {approval.approverRole} role or higher.
                  </p>
                )}
              </ApprovalCard>
            ))
          )}
        </section>
      )}
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-medium">
          History
        </h2>
        {inbox.history.length === 0 ? (
          <p className="text-sm text-slate-600">No decided or expired requests yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 font-medium">Action</th>
                <th className="py-2 font-medium">Agent</th>
                <th className="py-2 font-medium">Outcome</th>
                <th className="py-2 font-medium">Who</th>
                <th className="py-2 font-medium">When</th>
                <th className="py-2 font-medium">Comment</th>
              </tr>
            </thead>
            <tbody>
              {inbox.history.map((approval) => (
                <tr key={approval.id} className="border-t border-slate-100 align-top">
                  <td className="py-2">
                    <Link
                      className="font-mono underline"
                      href={`/app/${orgId}/approvals/${approval.id}`}
                    >
                      {approval.action}
                    </Link>
                    <div className="text-xs text-slate-500 break-all">{approval.resource}</div>
                  </td>
                  <td className="py-2">{approval.agentName}</td>
                  <td className="py-2">
                    <StatusBadge status={approval.status} />
                  </td>
                  <td className="py-2">
                    {approval.decidedBy?.name ??
                      approval.decidedBy?.email ??
                      (approval.decidedAt ? "a former member" : "—")}
                  </td>
                  <td className="py-2">
                    {formatDateTime(approval.decidedAt ?? approval.expiresAt)}
                  </td>
                  <td className="py-2">{approval.decisionNote ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {inbox.nextCursor ? (
          <Link
            className="text-sm underline"
            href={`/app/${orgId}/approvals?${new URLSearchParams({ cursor: inbox.nextCursor })}`}
          >
            Older
          </Link>
        ) : null}
      </section>
    </div>
  );
}
