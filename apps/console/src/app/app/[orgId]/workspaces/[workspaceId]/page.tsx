import type { Metadata } from "next";
import Link from "next/link";
import { CreateAgentForm, CreateKeyButton } from "@/components/app/agent-forms";
import { type AssignablePolicy, AssignPolicyForm } from "@/components/app/assign-policy-form";
import { serverCaller } from "@/server/api";
import {
  assignPolicyAction,
  createAgentAction,
  createApiKeyAction,
  revokeApiKeyAction,
  unassignAction,
} from "../actions";

export const metadata: Metadata = { title: "Workspace" };
export const dynamic = "force-dynamic";

const LIMITS: { key: string; label: string; format: (v: number) => string }[] = [
  { key: "MaxExecutionTime", label: "Max execution time", format: (v) => `${v} s` },
  { key: "MaxTokens", label: "Max tokens", format: (v) => v.toLocaleString("en") },
  {
    key: "MaxCostPerHour",
    label: "Max cost per hour",
    format: (v) => `$${(v / 1_000_000).toFixed(2)}`,
  },
  { key: "MaxMemory", label: "Max memory", format: bytes },
  { key: "MaxStorage", label: "Max storage", format: bytes },
  { key: "MaxConcurrentRequests", label: "Max concurrent requests", format: (v) => String(v) },
];

function bytes(v: number): string {
  const gb = v / 2 ** 30;
  return gb >= 1 ? `${Number(gb.toFixed(2))} GB` : `${Number((v / 2 ** 20).toFixed(2))} MB`;
}

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
  const revoke = revokeApiKeyAction.bind(null, orgId, workspaceId);
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
  const limits = effective.limits as Record<string, number | undefined>;
  const shownLimits = LIMITS.filter((l) => limits[l.key] !== undefined);
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
      </div>

      <section aria-labelledby="assignments-title" className="space-y-3">
        <h2 id="assignments-title" className="text-lg font-semibold">
          Assigned policies
        </h2>
        {assignments.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
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

      <section aria-labelledby="effective-title" className="space-y-3">
        <h2 id="effective-title" className="text-lg font-semibold">
          Effective settings
        </h2>
        <p className="text-sm text-slate-600">
          What the decision API enforces for this workspace: the strictest of every live policy.
        </p>
        <div className="grid gap-4 lg:grid-cols-3">
          <div
            data-testid="effective-limits"
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h3 className="text-sm font-semibold">Limits</h3>
            {shownLimits.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">No limits.</p>
            ) : (
              <dl className="mt-2 space-y-1 text-sm">
                {shownLimits.map((l) => (
                  <div key={l.key} className="flex justify-between gap-3">
                    <dt className="text-slate-600">{l.label}</dt>
                    <dd className="font-medium">{l.format(limits[l.key] ?? 0)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="text-sm font-semibold">Approval rules</h3>
            {effective.approvals.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">No approvals required.</p>
            ) : (
              <ul className="mt-2 space-y-2 text-sm">
                {effective.approvals.map((r) => (
                  <li key={r.policyId}>
                    <p className="font-mono text-xs">{r.actions.join(", ")}</p>
                    <p className="text-slate-600">
                      by {r.approverRole} within {Math.round(r.timeoutSeconds / 60)} min via{" "}
                      {r.channels.map((c) => c.type).join(", ")}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="text-sm font-semibold">Audit</h3>
            <dl className="mt-2 space-y-1 text-sm">
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">Required</dt>
                <dd className="font-medium">{effective.audit.required ? "Yes" : "No"}</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">Retention</dt>
                <dd className="font-medium">{effective.audit.retentionDays} days</dd>
              </div>
              <div className="flex justify-between gap-3">
                <dt className="text-slate-600">Redact PII</dt>
                <dd className="font-medium">{effective.audit.redactPII ? "Yes" : "No"}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Includes</dt>
                <dd className="font-mono text-xs">
                  {effective.audit.include.join(", ") || "nothing extra"}
                </dd>
              </div>
            </dl>
          </div>
        </div>
        {effective.invalid.length > 0 ? (
          <p role="alert" className="text-sm text-amber-800">
            {effective.invalid.length} live version(s) fail the current engine and are skipped.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="agents-title" className="space-y-3">
        <h2 id="agents-title" className="text-lg font-semibold">
          Agents and API keys
        </h2>
        <p className="text-sm text-slate-600">
          Each agent calls the decision API with its own keys. Keys are listed by prefix and last
          four characters; the secret is shown once, when created.
        </p>
        {agents.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
            No agents yet.{canWrite ? " Create one, then give it an API key." : ""}
          </div>
        ) : (
          <ul aria-label="Agents" className="space-y-3">
            {agents.map((agent) => (
              <li
                key={agent.id}
                className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
              >
                <div className="flex items-start justify-between gap-4">
                  <div>
                    <p className="font-medium">{agent.name}</p>
                    <p className="text-xs text-slate-500">
                      {agent.frozen ? "Frozen: every decision is Deny" : "Active"}
                    </p>
                  </div>
                  {canWrite ? (
                    <CreateKeyButton
                      agentName={agent.name}
                      create={createApiKeyAction.bind(null, orgId, workspaceId, agent.id)}
                    />
                  ) : null}
                </div>
                {agent.keys.length === 0 ? (
                  <p className="mt-3 text-sm text-slate-500">No API keys.</p>
                ) : (
                  <ul
                    aria-label={`API keys of ${agent.name}`}
                    className="mt-3 divide-y divide-slate-100 text-sm"
                  >
                    {agent.keys.map((key) => (
                      <li key={key.id} className="flex items-center justify-between gap-3 py-2">
                        <code className="font-mono text-xs">{key.display}</code>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                            key.status === "active"
                              ? "bg-emerald-50 text-emerald-700"
                              : "bg-slate-100 text-slate-600"
                          }`}
                        >
                          {key.status}
                        </span>
                        <span className="ml-auto text-xs text-slate-500">
                          {key.lastUsedAt
                            ? `Last used ${new Date(key.lastUsedAt).toLocaleString("en")}`
                            : "Never used"}
                        </span>
                        {canWrite && key.status === "active" ? (
                          <form action={revoke}>
                            <input type="hidden" name="keyId" value={key.id} />
                            <button
                              type="submit"
                              className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-red-50 hover:text-red-700"
                            >
                              Revoke
                            </button>
                          </form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        {canWrite ? (
          <CreateAgentForm action={createAgentAction.bind(null, orgId, workspaceId)} />
        ) : null}
      </section>
    </div>
  );
}
