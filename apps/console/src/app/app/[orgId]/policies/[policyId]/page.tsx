import type { Metadata } from "next";
import Link from "next/link";
import { PolicyWorkbench } from "@/components/app/policy-workbench";
import { PublishRequests } from "@/components/app/publish-requests";
import { DiffView, VersionHistory } from "@/components/app/version-history";
import { signedIn } from "@/server/api";
import { publishAction, restoreVersionAction, saveDraftAction } from "../actions";

export const metadata: Metadata = { title: "Policy" };
export const dynamic = "force-dynamic";

export default async function PolicyPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; policyId: string }>;
  searchParams: Promise<{
    from?: string;
    to?: string;
    restored?: string;
    approved?: string;
    closed?: string;
  }>;
}) {
  const { orgId, policyId } = await params;
  const query = await searchParams;
  const { user, caller } = await signedIn(`/app/${orgId}/policies/${policyId}`);
  const [organizations, policy, versions, requests, members] = await Promise.all([
    caller.organizations.list(),
    caller.policies.get({ organizationId: orgId, policyId }),
    caller.policies.listVersions({ organizationId: orgId, policyId }),
    caller.policies.listPublishRequests({ organizationId: orgId, policyId, status: "pending" }),
    caller.members.list({ organizationId: orgId }),
  ]);
  const diff =
    query.from && query.to
      ? await caller.policies.diffVersions({
          organizationId: orgId,
          fromVersionId: query.from,
          toVersionId: query.to,
        })
      : null;
  const base = `/app/${orgId}/policies/${policyId}`;
  const role = organizations.find((o) => o.id === orgId)?.role;
  const canWrite = role === "owner" || role === "admin";
  const text = policy.draftDocument ?? policy.latestVersion?.document ?? "";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link
            href={`/app/${orgId}/policies`}
            className="text-sm text-slate-500 hover:text-slate-800"
          >
            ← Policies
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{policy.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {policy.latestVersion
              ? `Live: version ${policy.latestVersion.number}`
              : "Not published yet: nothing is enforced until you publish."}
            {policy.hasUnpublishedChanges ? " · the draft has unpublished changes" : ""}
            {policy.assignments.length > 0
              ? ` · assigned to ${policy.assignments.map((a) => a.workspace.name).join(", ")}`
              : ""}
          </p>
        </div>
      </div>
      <Outcome query={query} />
      <PublishRequests
        orgId={orgId}
        policyId={policyId}
        requests={requests}
        live={policy.latestVersion}
        people={new Map(members.map((m) => [m.userId, m.email]))}
        userId={user.id}
        canDecide={canWrite}
      />
      {query.restored ? (
        <p role="status" className="rounded-md bg-brand-50 px-4 py-2 text-sm text-brand-900">
          Version {query.restored} was restored as the draft. Publish it to make it live.
        </p>
      ) : null}
      <PolicyWorkbench
        key="editor"
        initialText={text}
        canWrite={canWrite}
        save={saveDraftAction.bind(null, orgId, policyId)}
        publish={publishAction.bind(null, orgId, policyId)}
      />
      <section id="history" aria-labelledby="history-title" className="space-y-3 pt-4">
        <h2 id="history-title" className="text-lg font-semibold">
          Version history
        </h2>
        {diff ? (
          <DiffView
            from={`version ${diff.from.number}`}
            to={`version ${diff.to.number}`}
            added={diff.added}
            removed={diff.removed}
            lines={diff.lines}
          />
        ) : null}
        <VersionHistory
          versions={versions}
          base={base}
          canWrite={canWrite}
          restore={restoreVersionAction.bind(null, orgId, policyId)}
        />
      </section>
    </div>
  );
}

/** The banner after a publish request was decided (the action redirects here with the outcome). */
function Outcome({ query }: { query: { approved?: string; closed?: string } }) {
  const text = query.approved
    ? `Approved: version ${Number(query.approved)} is live.`
    : query.closed === "rejected"
      ? "The publish request was rejected."
      : query.closed === "cancelled"
        ? "You withdrew your publish request."
        : null;
  if (!text) return null;
  return (
    <p role="status" className="rounded-md bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
      {text}
    </p>
  );
}
