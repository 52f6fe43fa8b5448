import Link from "next/link";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@/lib/api-types";
import { formatDateTime } from "@/lib/format";
import { TimeLeft } from "./time-left";

export type ApprovalItem = RouterOutputs["approvals"]["get"];

/** What asked for approval: the RequireApproval entries, each with its policy version. */
interface Matched {
  entries?: Array<{
    policyId?: string;
    pointer?: string;
    policyName?: string;
    versionNumber?: number;
  }>;
}

const STATUS_STYLE: Record<ApprovalItem["status"], string> = {
  pending: "bg-amber-100 text-amber-800",
  approved: "bg-emerald-100 text-emerald-800",
  consumed: "bg-emerald-100 text-emerald-800",
  denied: "bg-red-100 text-red-800",
  expired: "bg-slate-200 text-slate-700",
};

export function StatusBadge({ status }: { status: ApprovalItem["status"] }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>
      {status === "consumed" ? "approved, used" : status}
    </span>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** What the agent asked, what asked for approval, and where it stands. */
export function ApprovalCard({
  orgId,
  approval,
  children,
}: {
  orgId: string;
  approval: ApprovalItem;
  children?: ReactNode;
}) {
  const matched = (approval.matched ?? {}) as Matched;
  return (
    <article
      aria-label={`Request ${approval.id}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">
          <span className="font-mono text-sm">{approval.action}</span>{" "}
          <span className="text-slate-500">by</span> {approval.agentName}
        </h3>
        <div className="flex items-center gap-2 text-sm">
          <StatusBadge status={approval.status} />
          {approval.status === "pending" ? (
            <TimeLeft expiresAt={approval.expiresAt} renderedAt={Date.now()} />
          ) : null}
        </div>
      </header>
      <dl className="mt-3">
        <Row label="Resource">
          <code className="text-xs">{approval.resource}</code>
        </Row>
        <Row label="Workspace">
          <Link className="underline" href={`/app/${orgId}/workspaces/${approval.workspaceId}`}>
            {approval.workspaceName}
          </Link>
        </Row>
        <Row label="Asked by">
          {(matched.entries ?? []).length > 0
            ? (matched.entries ?? []).map((entry) => (
                <span key={`${entry.policyId}${entry.pointer}`} className="mr-2">
                  {entry.policyId ? (
                    <Link className="underline" href={`/app/${orgId}/policies/${entry.policyId}`}>
                      {policyLabel(entry)}
                    </Link>
                  ) : (
                    "a policy"
                  )}{" "}
                  <code className="text-xs">{entry.pointer}</code>
                </span>
              ))
            : "—"}
        </Row>
        {approval.reason ? <Row label="Why">{approval.reason}</Row> : null}
        <Row label="Needs">{approval.approverRole} or higher</Row>
        <Row label="Asked">{formatDateTime(approval.createdAt)}</Row>
        {approval.decidedAt ? (
          <Row label="Decided">
            {formatDateTime(approval.decidedAt)} by{" "}
            {approval.decidedBy?.name ?? approval.decidedBy?.email ?? "a former member"}
            {approval.decisionNote ? <>: “{approval.decisionNote}”</> : null}
          </Row>
        ) : null}
      </dl>
      <details className="mt-2 text-sm" open={approval.status === "pending"}>
        <summary className="cursor-pointer text-slate-600">Context, as recorded</summary>
        <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-3 text-xs">
          {JSON.stringify(approval.context ?? null, null, 2)}
        </pre>
      </details>
      {children ? <div className="mt-3 border-t border-slate-100 pt-3">{children}</div> : null}
    </article>
  );
}

/** The name and version of the policy that asked, as recorded with the request. */
function policyLabel(entry: { policyName?: string; versionNumber?: number }): string {
  if (!entry.policyName) return "its policy";
  return entry.versionNumber ? `${entry.policyName} v${entry.versionNumber}` : entry.policyName;
}
