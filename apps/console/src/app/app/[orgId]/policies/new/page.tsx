import { templates } from "@sekuire/policy-engine";
import type { Metadata } from "next";
import Link from "next/link";
import { createPolicyAction } from "../actions";

export const metadata: Metadata = { title: "New policy" };

export default async function NewPolicyPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const create = createPolicyAction.bind(null, orgId);
  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/app/${orgId}/policies`}
          className="text-sm text-slate-500 hover:text-slate-800"
        >
          ← Policies
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">New policy</h1>
        <p className="mt-1 text-sm text-slate-600">
          Start from a template and adjust it, or from a blank policy. Nothing is enforced until you
          publish and assign it to a workspace.
        </p>
      </div>
      <ul aria-label="Templates" className="grid gap-4 md:grid-cols-3">
        {templates.map((t) => (
          <li
            key={t.id}
            className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 className="font-semibold">{t.title}</h2>
            <p className="mt-2 flex-1 text-sm text-slate-600">{t.description}</p>
            <form action={create} className="mt-4">
              <input type="hidden" name="templateId" value={t.id} />
              <button
                type="submit"
                aria-label={`Use template: ${t.title}`}
                className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
              >
                Use template
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form action={create}>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
        >
          Start from a blank policy
        </button>
      </form>
    </div>
  );
}
