import type { Metadata } from "next";
import Link from "next/link";
import { CreateWorkspaceForm } from "@/components/app/create-workspace-form";
import { formatDate } from "@/lib/format";
import { serverCaller } from "@/server/api";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Workspaces" };
export const dynamic = "force-dynamic";

export default async function WorkspacesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ deleted?: string }>;
}) {
  const { orgId } = await params;
  const { deleted } = await searchParams;
  const caller = await serverCaller(`/app/${orgId}/workspaces`);
  const [organizations, workspaces] = await Promise.all([
    caller.organizations.list(),
    caller.workspaces.list({ organizationId: orgId }),
  ]);
  const role = organizations.find((o) => o.id === orgId)?.role;
  const canWrite = role === "owner" || role === "admin";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Workspaces</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each workspace has its own agents, API keys and assigned policies.
        </p>
      </div>
      {deleted ? (
        <p role="status" className="rounded-md bg-slate-100 px-4 py-2 text-sm text-slate-800">
          Workspace <code className="font-mono">{deleted}</code> was deleted with its agents and
          keys.
        </p>
      ) : null}
      {workspaces.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">No workspaces yet</p>
          <p className="mt-1 text-sm text-slate-600">
            {canWrite
              ? "Create your first workspace below, then assign a policy to it and issue an API key for your agents."
              : "Ask an owner or admin of this organization to create one."}
          </p>
        </div>
      ) : (
        <ul
          aria-label="Workspaces"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          {workspaces.map((ws) => (
            <li key={ws.id} className="flex items-center justify-between gap-4 px-5 py-4">
              <div>
                <Link
                  href={`/app/${orgId}/workspaces/${ws.id}`}
                  className="font-medium hover:text-brand-700"
                >
                  {ws.name}
                </Link>
                <p className="font-mono text-xs text-slate-500">{ws.slug}</p>
              </div>
              <p className="text-right text-xs text-slate-500">
                <span className={ws.assignmentCount === 0 ? "font-medium text-amber-700" : ""}>
                  {ws.assignmentCount === 0
                    ? "No policy: every request denied"
                    : plural(ws.assignmentCount, "policy", "policies")}
                </span>
                {" · "}
                {plural(ws.agentCount, "agent", "agents")}
                <br />
                Created {formatDate(ws.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? <CreateWorkspaceForm action={createWorkspaceAction.bind(null, orgId)} /> : null}
    </div>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
