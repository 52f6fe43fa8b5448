import type { Metadata } from "next";
import Link from "next/link";
import { serverCaller } from "@/server/api";

export const metadata: Metadata = { title: "Policies" };
export const dynamic = "force-dynamic";

export default async function PoliciesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const caller = await serverCaller(`/app/${orgId}/policies`);
  const [organizations, policies] = await Promise.all([
    caller.organizations.list(),
    caller.policies.list({ organizationId: orgId }),
  ]);
  const role = organizations.find((o) => o.id === orgId)?.role;
  const canWrite = role === "owner" || role === "admin";
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Policies</h1>
          <p className="mt-1 text-sm text-slate-600">
            What your agents may do, on which resources, under what conditions.
          </p>
        </div>
        {canWrite ? (
          <Link
            href={`/app/${orgId}/policies/new`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            New policy
          </Link>
        ) : null}
      </div>
      {policies.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">No policies yet</p>
          <p className="mt-1 text-sm text-slate-600">
            {canWrite
              ? "Create one from a template (development, production or HIPAA) and publish it."
              : "Ask an owner or admin of this organization to create one."}
          </p>
        </div>
      ) : (
        <ul
          aria-label="Policies"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          {policies.map((p) => (
            <li key={p.id}>
              <Link
                href={`/app/${orgId}/policies/${p.id}`}
                className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-slate-50"
              >
                <div>
                  <p className="font-medium">{p.name}</p>
                  <p className="text-xs text-slate-500">
                    {p.latestVersion
                      ? `Version ${p.latestVersion.number}`
                      : "Draft, never published"}
                    {p.hasUnpublishedChanges ? " · unpublished changes" : ""}
                  </p>
                  {p.pendingPublishRequests > 0 ? (
                    <span className="mt-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                      Waiting for approval
                    </span>
                  ) : null}
                </div>
                <span className="text-xs text-slate-500">
                  {p.assignmentCount} workspace{p.assignmentCount === 1 ? "" : "s"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
