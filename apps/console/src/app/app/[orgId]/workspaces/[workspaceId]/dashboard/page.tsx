import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { LiveLimits } from "@/components/decisions/live-limits";
import { OutcomeChart } from "@/components/decisions/outcome-chart";
import { card } from "@/components/ui/styles";
import { explorerHref } from "@/lib/decision-query";
import { serverCaller } from "@/server/api";
import { liveLimitUsage } from "@/server/live-usage";

export const metadata: Metadata = { title: "Workspace dashboard" };
export const dynamic = "force-dynamic";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/** The decision numbers are an admin's (as every decision read); others see why not. */
async function statsOrRefusal(caller: Caller, input: Parameters<Caller["decisions"]["stats"]>[0]) {
  try {
    return await caller.decisions.stats(input);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}

export default async function WorkspaceDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; workspaceId: string }>;
  searchParams: Promise<{ range?: string }>;
}) {
  const { orgId, workspaceId } = await params;
  const range = (await searchParams).range === "7d" ? "7d" : "24h";
  const caller = await serverCaller(`/app/${orgId}/workspaces/${workspaceId}/dashboard`);
  const ref = { organizationId: orgId, workspaceId };
  // The workspace (and the caller's standing in it) first: the Redis read below names it.
  const [workspace, effective, inbox, stats] = await Promise.all([
    caller.workspaces.get(ref),
    caller.assignments.effectiveSettings(ref),
    caller.approvals.list({ ...ref, limit: 1 }),
    statsOrRefusal(caller, { ...ref, range }),
  ]);
  const usage = await liveLimitUsage(workspaceId);
  const base = `/app/${orgId}/workspaces/${workspaceId}/dashboard`;
  const total = stats ? stats.totals.Allow + stats.totals.Deny + stats.totals.RequireApproval : 0;
  return (
    <div className="space-y-8">
      <div>
        <Link
          href={`/app/${orgId}/workspaces/${workspaceId}`}
          className="text-sm text-slate-500 hover:text-slate-800"
        >
          ← {workspace.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{workspace.name}: dashboard</h1>
        {workspace.frozen ? (
          <p role="status" className="mt-2 text-sm font-medium text-red-700">
            Frozen: every decision is Deny until it is unfrozen.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="outcomes-title" className={`${card} space-y-4`}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="outcomes-title" className="text-lg font-semibold">
            Decisions over time
          </h2>
          <nav aria-label="Range" className="flex gap-2 text-sm">
            {(["24h", "7d"] as const).map((r) => (
              <Link
                key={r}
                href={`${base}?range=${r}`}
                aria-current={r === range ? "page" : undefined}
                className={
                  r === range
                    ? "rounded-md bg-slate-800 px-2.5 py-1 font-medium text-white"
                    : "rounded-md border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-50"
                }
              >
                {r === "24h" ? "Last 24 hours" : "Last 7 days"}
              </Link>
            ))}
          </nav>
        </div>
        {stats ? (
          <>
            <p className="text-sm text-slate-700" data-testid="outcome-totals">
              {total} recorded: {stats.totals.Allow} Allow · {stats.totals.RequireApproval}{" "}
              RequireApproval · {stats.totals.Deny} Deny
            </p>
            <OutcomeChart
              buckets={stats.buckets}
              unit={stats.unit}
              title={`Recorded decisions per ${stats.unit} by outcome, ${range === "24h" ? "last 24 hours" : "last 7 days"}`}
            />
            <p className="text-xs text-slate-500">
              Counts are of the records kept: every Deny and RequireApproval, and Allow only where
              the audit settings include <code>all_actions</code>
              {effective.audit.include.includes("all_actions")
                ? " (they do here)"
                : " (they do not here, so Allows are not counted)"}
              .
            </p>
          </>
        ) : (
          <p role="alert" className="text-sm text-slate-600">
            Only owners and admins can read decision records.
          </p>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="denied-title" className={`${card} space-y-3`}>
          <h2 id="denied-title" className="text-lg font-semibold">
            Top denied actions
          </h2>
          {!stats ? (
            <p className="text-sm text-slate-600">Only owners and admins can read these.</p>
          ) : stats.topDenied.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing was denied in this range.</p>
          ) : (
            <ol aria-label="Top denied actions" className="space-y-1 text-sm">
              {stats.topDenied.map((d) => (
                <li key={d.action} className="flex justify-between gap-3">
                  <Link
                    className="font-mono text-xs text-brand-700 hover:underline"
                    href={explorerHref(orgId, {
                      workspaceId,
                      decision: "Deny",
                      action: d.action,
                      from: stats.from,
                    })}
                  >
                    {d.action}
                  </Link>
                  <span className="tabular-nums">{d.count}</span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section aria-labelledby="approvals-title" className={`${card} space-y-3`}>
          <h2 id="approvals-title" className="text-lg font-semibold">
            Pending approvals
          </h2>
          <p className="text-sm">
            <span className="text-3xl font-semibold tabular-nums" data-testid="pending-count">
              {inbox.pending.length}
            </span>{" "}
            waiting for a decision in this workspace.
          </p>
          <Link href={`/app/${orgId}/approvals`} className="text-sm font-medium text-brand-700">
            Open the approvals inbox →
          </Link>
        </section>
      </div>

      <LiveLimits usage={usage} limits={effective.limits} />
    </div>
  );
}
