import type { Metadata } from "next";
import Link from "next/link";
import { AgentsSection } from "@/components/app/agents-section";
import { type AssignablePolicy, AssignPolicyForm } from "@/components/app/assign-policy-form";
import { EffectiveSettings } from "@/components/app/effective-settings";
import { WorkspaceFreeze } from "@/components/app/workspace-freeze";
import { DeleteWorkspaceForm, WorkspaceSettingsForm } from "@/components/app/workspace-settings";
import { notice } from "@/components/ui/styles";
import { serverCaller } from "@/server/api";
import {
  assignPolicyAction,
  deleteWorkspaceAction,
  setWorkspaceFrozenAction,
  unassignAction,
  updateWorkspaceAction,
} from "../actions";

export const metadata: Metadata = { title: "Workspace" };
export const dynamic = "force-dynamic";

export default async function WorkspacePage({
  params,
}: {
  params: Promise<{ orgId: string; workspaceId: string }>;
}) {
  const { orgId, workspaceId } = await params;
  const caller = await serverCaller(`/app/${orgId}/workspaces/${workspaceId}`);
  const ref = { organizationId: orgId, workspaceId };
  const [organizations, workspace, assignments, effective, policies, agentList] = await Promise.all(
    [
      caller.organizations.list(),
      caller.workspaces.get(ref),
      caller.assignments.listForWorkspace(ref),
      caller.assignments.effectiveSettings(ref),
      caller.policies.list({ organizationId: orgId }),
      caller.agents.list(ref),
    ],
  );
  const agents = await Promise.all(
    agentList.map(async (agent) => ({
      ...agent,
      keys: await caller.apiKeys.list({ organizationId: orgId, agentId: agent.id }),
    })),
  );
  const role = organizations.find((o) => o.id === orgId)?.role;
  const canWrite = role === "owner" || role === "admin";
  const assigned = new Set(assignments.map((a) => a.policy.id));
  const assignable: AssignablePolicy[] = canWrite
    ? await Promise.all(
        policies
          .filter((p) => !assigned.has(p.id))
          .map(async (p) => ({
            id: p.id,
            name: p.name,
            versions: (
              await caller.policies.listVersions({ organizationId: orgId, policyId: p.id })
            ).map((v) => ({ id: v.id, number: v.number })),
          })),
      )
    : [];
  const unassign = unassignAction.bind(null, orgId, workspaceId);
  return (
    <div className="space-y-8">
      <div>
        <Link
          href={`/app/${orgId}/workspaces`}
          className="text-sm text-slate-500 hover:text-slate-800"
        >
          ← Workspaces
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{workspace.name}</h1>
        <p className="font-mono text-xs text-slate-500">{workspace.slug}</p>
        <p className="mt-2 flex gap-4 text-sm">
          <Link
            href={`/app/${orgId}/workspaces/${workspaceId}/dashboard`}
            className="font-medium text-brand-700"
          >
            Dashboard →
          </Link>
          <Link
            href={`/app/${orgId}/decisions?workspaceId=${workspaceId}`}
            className="font-medium text-brand-700"
          >
            Decisions →
          </Link>
          {canWrite ? (
            <Link
              href={`/app/${orgId}/workspaces/${workspaceId}/webhooks`}
              className="font-medium text-brand-700"
            >
              Webhooks →
            </Link>
          ) : null}
        </p>
        <div className="mt-3">
          <WorkspaceFreeze
            // A fresh control after each change, so a finished confirmation is not left open.
            key={String(workspace.frozen)}
            name={workspace.name}
            frozen={workspace.frozen}
            frozenBy={workspace.frozenBy}
            frozenAt={workspace.frozenAt}
            canWrite={canWrite}
            freeze={setWorkspaceFrozenAction.bind(null, orgId, workspaceId, true)}
            unfreeze={setWorkspaceFrozenAction.bind(null, orgId, workspaceId, false)}
          />
        </div>
      </div>

      <section aria-labelledby="assignments-title" className="space-y-3">
        <h2 id="assignments-title" className="text-lg font-semibold">
          Assigned policies
        </h2>
        {assignments.length === 0 ? (
          <div className={notice}>
            No policy is assigned: the decision API denies every request from this workspace.
            {canWrite ? " Assign a published policy below." : ""}
          </div>
        ) : (
          <ul
            aria-label="Assigned policies"
            className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
          >
            {assignments.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-4 px-5 py-3">
                <div>
                  <Link
                    href={`/app/${orgId}/policies/${a.policy.id}`}
                    className="font-medium hover:text-brand-700"
                  >
                    {a.policy.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {a.pinnedVersion
                      ? `Pinned to version ${a.pinnedVersion.number}`
                      : "Follows the latest published version"}
                    {" · "}
                    {a.liveVersion
                      ? `live: version ${a.liveVersion.number}`
                      : "nothing published yet"}
                  </p>
                </div>
                {canWrite ? (
                  <form action={unassign}>
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <button
                      type="submit"
                      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-red-50 hover:text-red-700"
                    >
                      Unassign
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canWrite && assignable.length > 0 ? (
          <AssignPolicyForm
            policies={assignable}
            action={assignPolicyAction.bind(null, orgId, workspaceId)}
          />
        ) : null}
        {canWrite && policies.length === 0 ? (
          <p className="text-sm text-slate-600">
            No policies yet.{" "}
            <Link href={`/app/${orgId}/policies/new`} className="font-medium text-brand-700">
              Create one from a template
            </Link>
            .
          </p>
        ) : null}
      </section>

      <EffectiveSettings effective={effective} />

      <AgentsSection orgId={orgId} workspaceId={workspaceId} agents={agents} canWrite={canWrite} />

      {canWrite ? (
        <section aria-labelledby="settings-title" className="space-y-3">
          <h2 id="settings-title" className="text-lg font-semibold">
            Settings
          </h2>
          <WorkspaceSettingsForm
            workspace={workspace}
            action={updateWorkspaceAction.bind(null, orgId, workspaceId)}
          />
          <DeleteWorkspaceForm
            slug={workspace.slug}
            action={deleteWorkspaceAction.bind(null, orgId, workspaceId, workspace.slug)}
          />
        </section>
      ) : null}
    </div>
  );
}
