import { templates } from "@sekuire/policy-engine";
import type { Metadata } from "next";
import Link from "next/link";
import { NewPolicyForm } from "@/components/app/new-policy-form";
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
      <NewPolicyForm
        action={create}
        templates={templates.map(({ id, title, description }) => ({ id, title, description }))}
      />
    </div>
  );
}
