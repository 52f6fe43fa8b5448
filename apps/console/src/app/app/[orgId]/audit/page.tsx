import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notice } from "@/components/ui/styles";
import { serverCaller } from "@/server/api";

export const metadata: Metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

type Query = { action?: string; targetType?: string; cursor?: string };

/** The target types core records (`targetType` of the audit events), as the filter offers them. */
const TARGET_TYPES = [
  { value: "organization", label: "Organization" },
  { value: "workspace", label: "Workspace" },
  { value: "policy", label: "Policy" },
  { value: "assignment", label: "Assignment" },
  { value: "agent", label: "Agent" },
  { value: "api_key", label: "API key" },
  { value: "user", label: "Member" },
  { value: "invitation", label: "Invitation" },
  { value: "admin_token", label: "Admin token" },
] as const;

/** "Mozilla/5.0 … Chrome/156.0 …" → "Chrome 156": enough to tell browsers and scripts apart. */
function agentName(userAgent: string | null): string {
  if (!userAgent) return "";
  const known = /(Edg|Firefox|Chrome|Safari|curl|node)\/(\d+)/i.exec(userAgent);
  return known ? `${known[1]} ${known[2]}` : userAgent.slice(0, 24);
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Query>;
}) {
  const { orgId } = await params;
  const query = await searchParams;
  const caller = await serverCaller(`/app/${orgId}/audit`);
  const action = query.action?.trim() || undefined;
  const targetType = query.targetType?.trim() || undefined;
  let page: Awaited<ReturnType<typeof caller.audit.list>> | null = null;
  let refused = false;
  try {
    page = await caller.audit.list({
      organizationId: orgId,
      ...(action ? { action } : {}),
      ...(targetType ? { targetType } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
      limit: 50,
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") refused = true;
    else throw error;
  }
  const next = page?.nextCursor
    ? `/app/${orgId}/audit?${new URLSearchParams({
        ...(action ? { action } : {}),
        ...(targetType ? { targetType } : {}),
        cursor: page.nextCursor,
      })}`
    : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every change to this organization: who did what, when, to what.
        </p>
      </div>
      {refused ? (
        <p role="alert" className={notice}>
          Only owners and admins can read the audit trail.
        </p>
      ) : (
        <>
          <form
            method="get"
            aria-label="Filter audit events"
            className="flex flex-wrap items-end gap-3"
          >
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Action</span>
              <input
                name="action"
                defaultValue={action ?? ""}
                placeholder="policy. or workspace.created"
                className="mt-1 block w-64 rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
              />
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Target type</span>
              <select
                name="targetType"
                defaultValue={targetType ?? ""}
                className="mt-1 block w-48 rounded-md border border-slate-300 bg-white px-2 py-2"
              >
                <option value="">Any</option>
                {TARGET_TYPES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Filter
            </button>
            {action || targetType ? (
              <Link href={`/app/${orgId}/audit`} className="text-sm text-slate-600 underline">
                Clear
              </Link>
            ) : null}
          </form>
          {page && page.items.length === 0 ? (
            <p className={notice}>No events match. Clear the filters to see everything.</p>
          ) : (
            <table
              aria-label="Audit events"
              className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm"
            >
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2">When</th>
                  <th className="px-4 py-2">Who</th>
                  <th className="px-4 py-2">Action</th>
                  <th className="px-4 py-2">Target</th>
                  <th className="px-4 py-2">From</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page?.items.map((e) => (
                  <tr key={e.id}>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                      {new Date(e.createdAt).toLocaleString("en", {
                        dateStyle: "medium",
                        timeStyle: "medium",
                      })}
                    </td>
                    <td className="px-4 py-2">{e.actorLabel ?? e.actorType}</td>
                    <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
                    <td className="px-4 py-2 font-mono text-xs text-slate-600">
                      {e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : ""}
                      {e.details ? (
                        <details className="mt-1">
                          <summary className="cursor-pointer font-sans text-slate-500">
                            Details
                          </summary>
                          <pre className="mt-1 whitespace-pre-wrap break-all text-[11px] text-slate-700">
                            {JSON.stringify(e.details, null, 2)}
                          </pre>
                        </details>
                      ) : null}
                    </td>
                    <td
                      className="whitespace-nowrap px-4 py-2 text-xs text-slate-600"
                      title={e.userAgent ?? undefined}
                    >
                      {e.ip ?? ""}
                      {e.ip && e.userAgent ? " · " : ""}
                      {agentName(e.userAgent)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {next ? (
            <Link href={next} className="text-sm font-medium text-brand-700">
              Older events →
            </Link>
          ) : null}
        </>
      )}
    </div>
  );
}
