import type { Reason } from "@sekuire/policy-engine";
import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";
import type { DecisionQuery } from "@/lib/decision-query";

// Every reason a record can carry (the engine's and the platform's): the compiler keeps this
// list whole when a reason is added.
const REASONS = Object.keys({
  ExplicitAllow: true,
  ExplicitDeny: true,
  ImplicitDeny: true,
  InvalidAction: true,
  InvalidResource: true,
  ApprovalRequired: true,
  ApprovalGranted: true,
  ApprovalDenied: true,
  ApprovalExpired: true,
  ApprovalConsumed: true,
  ApprovalMismatch: true,
  LimitExceeded: true,
  Frozen: true,
  Unavailable: true,
} satisfies Record<Reason, true>);

/**
 * A time for a `datetime-local` field, which takes no zone: UTC values ("…Z", as the dashboard's
 * links give) and zone-less ones show as typed; anything else is left to the server to judge.
 */
function localValue(value: string | undefined): string {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d(\.\d+)?)?(Z)?$/.exec(value ?? "");
  return match?.[1] ?? "";
}

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The explorer's filters as a plain GET form, so a filtered view is a URL to share. Action and
 * resource are exact, or a prefix with a trailing `*` (core's filters.ts); times are UTC.
 */
export function DecisionFilterForm({
  orgId,
  query,
  workspaces,
  agents,
}: {
  orgId: string;
  query: DecisionQuery;
  workspaces: { id: string; name: string }[];
  agents: { id: string; name: string; workspaceId: string }[];
}) {
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  const filtered = Object.entries(query).some(([key, value]) => key !== "cursor" && value);
  return (
    <form
      method="get"
      aria-label="Filter decisions"
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-4"
    >
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Workspace</span>
        <select
          name="workspaceId"
          defaultValue={query.workspaceId ?? ""}
          className={`${field} w-full`}
        >
          <option value="">Any</option>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Agent</span>
        <select name="agentId" defaultValue={query.agentId ?? ""} className={`${field} w-full`}>
          <option value="">Any</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({names.get(a.workspaceId) ?? a.workspaceId})
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Decision</span>
        <select name="decision" defaultValue={query.decision ?? ""} className={`${field} w-full`}>
          <option value="">Any</option>
          <option value="Allow">Allow</option>
          <option value="Deny">Deny</option>
          <option value="RequireApproval">RequireApproval</option>
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Reason</span>
        <input
          name="reason"
          list="decision-reasons"
          defaultValue={query.reason ?? ""}
          placeholder="ExplicitDeny"
          className={`${field} w-full`}
        />
        <datalist id="decision-reasons">
          {REASONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Action</span>
        <input
          name="action"
          defaultValue={query.action ?? ""}
          placeholder="file:delete or file:*"
          className={`${field} w-full font-mono text-xs`}
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Resource</span>
        <input
          name="resource"
          defaultValue={query.resource ?? ""}
          placeholder="file:///srv/*"
          className={`${field} w-full font-mono text-xs`}
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">From (UTC)</span>
        <input
          type="datetime-local"
          name="from"
          defaultValue={localValue(query.from)}
          className={`${field} w-full`}
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">To (UTC)</span>
        <input
          type="datetime-local"
          name="to"
          defaultValue={localValue(query.to)}
          className={`${field} w-full`}
        />
      </label>
      <p className="col-span-2 text-xs text-slate-500 md:col-span-3">
        Action and resource match exactly, or as a prefix when they end in <code>*</code>. From is
        inclusive, to exclusive.
      </p>
      <div className="flex items-center justify-end gap-3">
        {filtered ? (
          <Link href={`/app/${orgId}/decisions`} className="text-sm text-slate-600 underline">
            Clear
          </Link>
        ) : null}
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
      </div>
    </form>
  );
}
