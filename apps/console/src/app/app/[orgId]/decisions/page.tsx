import { appErrorOf } from "@sekuire/api";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { DecisionBadge } from "@/components/decisions/decision-badge";
import { DecisionFilterForm } from "@/components/decisions/decision-filter-form";
import { VerifyChain } from "@/components/decisions/verify-chain";
import { buttonClass, notice } from "@/components/ui/styles";
import { type DecisionQuery, explorerHref, exportHref, filtersOf } from "@/lib/decision-query";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/server/api";
import { verifyChainAction } from "./actions";

export const metadata: Metadata = { title: "Decisions" };
export const dynamic = "force-dynamic";

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Page = Awaited<ReturnType<Caller["decisions"]["list"]>>;

/** The list, or why not: the reader's role, or which filter is wrong (core names the field). */
async function readPage(
  caller: Caller,
  input: Parameters<Caller["decisions"]["list"]>[0],
): Promise<
  | { page: Page }
  | { refused: true }
  | { invalid: { message: string; details: { pointer?: string; message: string }[] } }
> {
  try {
    return { page: await caller.decisions.list(input) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return { refused: true };
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      const app = appErrorOf(error.cause);
      return {
        invalid: { message: app?.message ?? error.message, details: app?.details ?? [] },
      };
    }
    throw error;
  }
}

export default async function DecisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<DecisionQuery>;
}) {
  const { orgId } = await params;
  const query = await searchParams;
  const caller = await serverCaller(`/app/${orgId}/decisions`);
  const filters = filtersOf(query);
  const result = await readPage(caller, {
    organizationId: orgId,
    ...filters,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    limit: 50,
  } as Parameters<Caller["decisions"]["list"]>[0]);
  const refused = "refused" in result;
  const workspaces = refused ? [] : await caller.workspaces.list({ organizationId: orgId });
  const agents = (
    await Promise.all(
      workspaces.map((w) => caller.agents.list({ organizationId: orgId, workspaceId: w.id })),
    )
  ).flat();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Decisions</h1>
        <p className="mt-1 text-sm text-slate-600">
          What the decision API answered your agents, newest first: every Deny and RequireApproval,
          and Allow where a policy's audit settings include <code>all_actions</code>. Each
          workspace's records form a hash chain.
        </p>
      </div>
      {refused ? (
        <p role="alert" className={notice}>
          Only owners and admins can read decision records.
        </p>
      ) : (
        <>
          <DecisionFilterForm
            orgId={orgId}
            query={query}
            workspaces={workspaces.map((w) => ({ id: w.id, name: w.name }))}
            agents={agents.map((a) => ({ id: a.id, name: a.name, workspaceId: a.workspaceId }))}
          />
          {"invalid" in result ? (
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
            >
              {result.invalid.message}
              {result.invalid.details.map((d) => (
                <div key={`${d.pointer}-${d.message}`}>
                  {d.pointer ? <code className="mr-1">{d.pointer}</code> : null}
                  {d.message}
                </div>
              ))}
            </div>
          ) : (
            <DecisionTable orgId={orgId} page={result.page} />
          )}
          <div className="flex flex-wrap items-center gap-3">
            {"page" in result && result.page.nextCursor ? (
              <Link
                href={explorerHref(orgId, filters, result.page.nextCursor)}
                className="text-sm font-medium text-brand-700"
              >
                Older decisions →
              </Link>
            ) : null}
            <span className="flex-1" />
            <span className="text-sm text-slate-600">Export these filters:</span>
            <a
              href={exportHref(orgId, filters, "csv")}
              download
              className={buttonClass("secondary", "sm")}
            >
              Download CSV
            </a>
            <a
              href={exportHref(orgId, filters, "jsonl")}
              download
              className={buttonClass("secondary", "sm")}
            >
              Download JSONL
            </a>
          </div>
          <section aria-labelledby="chains-title" className="space-y-2">
            <h2 id="chains-title" className="text-lg font-semibold">
              Verify the hash chains
            </h2>
            <p className="text-sm text-slate-600">
              Recomputes every record's hash of a workspace and checks each links to the one before
              it, from retention's signed checkpoint on.
            </p>
            <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-4 shadow-sm">
              {workspaces.map((w) => (
                <VerifyChain
                  key={w.id}
                  name={w.name}
                  verify={verifyChainAction.bind(null, orgId, w.id)}
                />
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function DecisionTable({ orgId, page }: { orgId: string; page: Page }) {
  if (page.items.length === 0)
    return <p className={notice}>No decisions match. Clear the filters to see everything.</p>;
  return (
    <table
      aria-label="Decisions"
      className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm"
    >
      <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="px-3 py-2">When</th>
          <th className="px-3 py-2">Workspace · agent</th>
          <th className="px-3 py-2">Action</th>
          <th className="px-3 py-2">Resource</th>
          <th className="px-3 py-2">Decision</th>
          <th className="px-3 py-2">Reason</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {page.items.map((d) => (
          <tr key={d.id}>
            <td className="whitespace-nowrap px-3 py-2">
              <Link
                href={`/app/${orgId}/decisions/${d.id}`}
                className="text-brand-700 hover:underline"
              >
                {formatDateTime(d.time)}
                {/* A name per row that still starts with what the link shows (WCAG 2.5.3). */}
                <span className="sr-only">
                  : {d.action} {d.decision}, record {d.id}
                </span>
              </Link>
            </td>
            <td className="px-3 py-2 text-slate-700">
              {d.workspaceName ?? d.workspaceId} · {d.agentName ?? d.agentId}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{d.action}</td>
            <td className="max-w-xs truncate px-3 py-2 font-mono text-xs text-slate-600">
              {d.resource ?? "—"}
            </td>
            <td className="px-3 py-2">
              <DecisionBadge decision={d.decision} />
            </td>
            <td className="px-3 py-2 text-xs text-slate-600">{d.reason ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
