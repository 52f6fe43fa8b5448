/** What the decision API enforces for a workspace: the strictest of every live policy. */

import { card } from "@/components/ui/styles";
import type { RouterOutputs } from "@/lib/api-types";

type Effective = RouterOutputs["assignments"]["effectiveSettings"];

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

export function EffectiveSettings({ effective }: { effective: Effective }) {
  const limits = effective.limits as Record<string, number | undefined>;
  const shownLimits = LIMITS.filter((l) => limits[l.key] !== undefined);
  return (
    <section aria-labelledby="effective-title" className="space-y-3">
      <h2 id="effective-title" className="text-lg font-semibold">
        Effective settings
      </h2>
      <p className="text-sm text-slate-600">
        What the decision API enforces for this workspace: the strictest of every live policy.
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        <div data-testid="effective-limits" className={card}>
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
        <div className={card}>
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
        <div className={card}>
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
  );
}
