import { parsePolicy, templates } from "@sekuire/policy-engine";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Policy templates" };

function summary(text: string) {
  const parsed = parsePolicy(text);
  const warnings = parsed.findings.filter((f) => f.severity === "warning").length;
  if (!parsed.ok) return { statements: 0, warnings, blocks: [] as string[], rules: [] };
  const doc = parsed.policy.document;
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const statements = list.length;
  const asList = (v: string | string[] | undefined) =>
    v === undefined ? [] : Array.isArray(v) ? v : [v];
  const rules = [
    ...list.map((st, i) => ({
      key: `s${i}`,
      kind: st.Effect,
      name: st.Sid ?? `Statement ${i}`,
      detail: asList(st.Action ?? st.NotAction).join(", "),
    })),
    ...(doc.RequireApproval
      ? [
          {
            key: "approval",
            kind: "Approval" as const,
            name: `${doc.RequireApproval.ApproverRole ?? "admin"} approves`,
            detail: asList(doc.RequireApproval.Actions).join(", "),
          },
        ]
      : []),
  ];
  const blocks = [
    doc.ResourceLimits ? "Resource limits" : null,
    doc.RequireApproval ? "Approvals" : null,
    doc.AuditLog ? "Audit log" : null,
  ].filter((b): b is string => b !== null);
  return { statements, warnings, blocks, rules };
}

export default function TemplatesPage() {
  return (
    <div className="mx-auto max-w-7xl px-6 py-12">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">Policy templates</h1>
        <p className="mt-3 text-slate-600">
          Start with one of the pre-built templates and customize it as needed. Open a template in
          the validator to edit it, see its findings and try requests against it.
        </p>
      </header>
      <ul className="mt-10 grid gap-6 lg:grid-cols-3">
        {templates.map((t) => {
          const s = summary(t.text);
          const lines = t.text.split("\n");
          const badge = {
            Allow: "bg-emerald-50 text-emerald-700",
            Deny: "bg-red-50 text-red-700",
            Approval: "bg-amber-50 text-amber-800",
          } as const;
          return (
            <li
              key={t.id}
              data-template={t.id}
              className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
            >
              <div className="p-6">
                <h2 className="text-lg font-semibold text-slate-900">{t.title}</h2>
                <p className="template-description mt-2 text-sm leading-relaxed text-slate-600">
                  {t.description}
                </p>
                <dl className="mt-4 flex flex-wrap gap-2 text-xs">
                  <div className="rounded-full bg-slate-100 px-2.5 py-1 text-slate-700">
                    <dt className="sr-only">Statements</dt>
                    <dd>
                      {s.statements} statement{s.statements === 1 ? "" : "s"}
                    </dd>
                  </div>
                  {s.blocks.map((b) => (
                    <div key={b} className="rounded-full bg-slate-100 px-2.5 py-1 text-slate-700">
                      <dt className="sr-only">Includes</dt>
                      <dd>{b}</dd>
                    </div>
                  ))}
                  {s.warnings > 0 ? (
                    <div className="rounded-full bg-amber-50 px-2.5 py-1 text-amber-800 ring-1 ring-amber-200">
                      <dt className="sr-only">Lint</dt>
                      <dd>
                        {s.warnings} lint warning{s.warnings === 1 ? "" : "s"}
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </div>
              <ul className="flex-1 space-y-2 border-y border-slate-200 bg-slate-50 px-6 py-4">
                {s.rules.map((r) => (
                  <li key={r.key} className="flex min-w-0 items-start gap-2 text-xs">
                    <span
                      className={`w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-medium ${badge[r.kind]}`}
                    >
                      {r.kind}
                    </span>
                    <span className="min-w-0">
                      <span className="block font-mono font-semibold text-slate-800">{r.name}</span>
                      <span className="block truncate font-mono text-slate-500" title={r.detail}>
                        {r.detail}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
              <div className="flex items-center justify-between gap-3 p-4">
                <span className="text-xs text-slate-500">{lines.length} lines</span>
                <Link
                  href={`/validate?template=${t.id}`}
                  className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-brand-700"
                >
                  Open in validator
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
