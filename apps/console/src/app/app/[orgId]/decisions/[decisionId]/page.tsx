import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DecisionBadge } from "@/components/decisions/decision-badge";
import { notice } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/server/api";

export const metadata: Metadata = { title: "Decision record" };
export const dynamic = "force-dynamic";

/** A statement that decided it, as core's decide() records it (MatchedVersion). */
interface Matched {
  policyId?: string;
  policyName?: string;
  versionNumber?: number;
  sid?: string;
  statement?: number;
  effect?: string;
}

function matchedOf(value: unknown): Matched[] {
  return Array.isArray(value)
    ? value.filter((m): m is Matched => typeof m === "object" && m !== null)
    : [];
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-4 gap-4 px-5 py-2.5 text-sm">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="col-span-3 min-w-0 break-all text-slate-800">{children}</dd>
    </div>
  );
}

const Json = ({ value }: { value: unknown }) =>
  value === null || value === undefined ? (
    "—"
  ) : (
    <pre className="whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs">
      {JSON.stringify(value, null, 2)}
    </pre>
  );

export default async function DecisionPage({
  params,
}: {
  params: Promise<{ orgId: string; decisionId: string }>;
}) {
  const { orgId, decisionId } = await params;
  const caller = await serverCaller(`/app/${orgId}/decisions/${decisionId}`);
  let record: Awaited<ReturnType<typeof caller.decisions.get>>;
  try {
    record = await caller.decisions.get({ organizationId: orgId, decisionId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN")
      return (
        <p role="alert" className={notice}>
          Only owners and admins can read decision records.
        </p>
      );
    throw error;
  }
  const matched = matchedOf(record.matched);
  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/app/${orgId}/decisions?workspaceId=${record.workspaceId}`}
          className="text-sm text-slate-500 hover:text-slate-800"
        >
          ← Decisions
        </Link>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight">
          <span className="font-mono text-lg">{record.action}</span>
          <DecisionBadge decision={record.decision} />
        </h1>
        <p className="font-mono text-xs text-slate-500">{record.id}</p>
      </div>
      <dl
        aria-label="Decision record"
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <Row label="Time">
          {formatDateTime(record.time)}{" "}
          <span className="text-xs text-slate-500">({record.time})</span>
        </Row>
        <Row label="Workspace">
          <Link className="underline" href={`/app/${orgId}/workspaces/${record.workspaceId}`}>
            {record.workspaceName ?? record.workspaceId}
          </Link>
        </Row>
        <Row label="Agent">
          {record.agentName ?? "deleted agent"}{" "}
          <code className="text-xs text-slate-500">{record.agentId}</code>
        </Row>
        <Row label="API key">{record.apiKeyId ?? "—"}</Row>
        <Row label="Request id">{record.requestId ?? "—"}</Row>
        <Row label="Action">
          <code>{record.action}</code>
        </Row>
        <Row label="Resource">
          {record.resource ? <code>{record.resource}</code> : "not recorded"}
        </Row>
        <Row label="Decision">{record.decision}</Row>
        <Row label="Reason">{record.reason ?? "not recorded"}</Row>
        <Row label="Matched statements">
          {matched.length === 0 ? (
            "none"
          ) : (
            <ul aria-label="Matched statements" className="space-y-1">
              {matched.map((m) => (
                <li key={`${m.policyId}-${m.statement}`}>
                  {m.policyId ? (
                    <Link
                      className="font-medium text-brand-700 underline"
                      href={`/app/${orgId}/policies/${m.policyId}${m.versionNumber ? `#v${m.versionNumber}` : ""}`}
                    >
                      {m.policyName ?? m.policyId}
                      {m.versionNumber ? ` v${m.versionNumber}` : ""}
                    </Link>
                  ) : (
                    "a policy"
                  )}
                  {": "}
                  {m.sid ? <code>{m.sid}</code> : `statement ${m.statement ?? "?"}`}
                  {m.sid && m.statement !== undefined ? ` (statement ${m.statement})` : ""}
                  {m.effect ? ` · ${m.effect}` : ""}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Approval">
          {record.approvalId ? (
            <Link className="underline" href={`/app/${orgId}/approvals/${record.approvalId}`}>
              {record.approvalId}
            </Link>
          ) : (
            "—"
          )}
        </Row>
        <Row label="Context">
          <Json value={record.context} />
        </Row>
        <Row label="Details">
          <Json value={record.details} />
        </Row>
        <Row label="Latency">{record.latencyUs !== null ? `${record.latencyUs} µs` : "—"}</Row>
        <Row label="Kept until">{formatDateTime(record.retentionUntil)}</Row>
        <Row label="Chain">
          record #{record.seq} · hash <code className="text-xs">{record.hash}</code> · previous{" "}
          <code className="text-xs">{record.prevHash ?? "none (first record)"}</code>
        </Row>
      </dl>
    </div>
  );
}
