import { getTemplate } from "@sekuire/policy-engine";
import Link from "next/link";
import { CodeBlock } from "@/components/code-block";

const FEATURES = [
  {
    title: "Workspace-scoped",
    body: "Policies are assigned to workspaces, so different teams get different governance rules within the same organization.",
  },
  {
    title: "Real-time enforcement",
    body: "Policies are evaluated in real time as agents attempt actions. Denied actions are blocked immediately and logged for audit.",
  },
  {
    title: "Familiar syntax",
    body: "A JSON structure inspired by AWS IAM: Allow and Deny statements over actions and resources, with conditions, limits, approvals and audit settings.",
  },
];

const PAGES = [
  {
    href: "/docs",
    title: "Language reference",
    body: "Structure, the action catalog, resources, conditions, limits, approvals, audit settings and best practices.",
    cta: "Read the reference",
  },
  {
    href: "/templates",
    title: "Templates",
    body: "Development, Production and HIPAA starting points. Open any of them in the validator and adapt it.",
    cta: "Browse templates",
  },
  {
    href: "/validate",
    title: "Validator",
    body: "Every error and warning underlined at its place as you type, and a simulator that shows which statement decided and why.",
    cta: "Open the validator",
  },
];

export default function HomePage() {
  const production = getTemplate("production").text.split("\n").slice(0, 32).join("\n");
  return (
    <>
      <section className="border-b border-slate-200 bg-white">
        <div className="mx-auto grid max-w-7xl items-center gap-12 px-6 py-16 lg:grid-cols-[1.1fr_1fr] lg:py-20">
          <div>
            <p className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700">
              Governance platform for AI agents
            </p>
            <h1 className="mt-5 text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
              Decide what your agents may do, before they do it.
            </h1>
            <p className="mt-5 max-w-xl text-lg leading-relaxed text-slate-600">
              Sekuire policies define what actions AI agents can perform, on which resources and
              under what conditions. Every attempt is checked in real time; high-risk actions wait
              for a human, and everything lands in the audit log.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link
                href="/sign-up"
                className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
              >
                Create an organization
              </Link>
              <Link
                href="/validate"
                className="rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
              >
                Try the validator
              </Link>
              <Link
                href="/docs"
                className="rounded-md px-2 py-2.5 text-sm font-semibold text-slate-700 hover:text-slate-900"
              >
                Read the language reference →
              </Link>
            </div>
          </div>
          <div className="min-w-0">
            <CodeBlock code={`${production}\n  ...`} label="production.json" />
          </div>
        </div>
      </section>

      <section className="mx-auto max-w-7xl px-6 py-14">
        <div className="grid gap-6 md:grid-cols-3">
          {FEATURES.map((f) => (
            <div key={f.title}>
              <h2 className="font-semibold text-slate-900">{f.title}</h2>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{f.body}</p>
            </div>
          ))}
        </div>
      </section>

      <section className="mx-auto max-w-7xl px-6 pb-20">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          No account needed
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          {PAGES.map((p) => (
            <Link
              key={p.href}
              href={p.href}
              className="group rounded-xl border border-slate-200 bg-white p-6 shadow-sm transition hover:border-brand-200 hover:shadow-md"
            >
              <h3 className="text-lg font-semibold text-slate-900">{p.title}</h3>
              <p className="mt-2 text-sm leading-relaxed text-slate-600">{p.body}</p>
              <p className="mt-4 text-sm font-semibold text-brand-600 group-hover:text-brand-700">
                {p.cta} →
              </p>
            </Link>
          ))}
        </div>
      </section>
    </>
  );
}
