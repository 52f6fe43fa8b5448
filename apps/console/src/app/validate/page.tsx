import { type TemplateId, templates } from "@sekuire/policy-engine";
import type { Metadata } from "next";
import { Validator } from "@/components/validator/validator";

export const metadata: Metadata = { title: "Policy validator" };

export default async function ValidatePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { template } = await searchParams;
  const id = templates.find((t) => t.id === template)?.id ?? ("production" satisfies TemplateId);
  return (
    <div className="mx-auto max-w-7xl px-6 py-6">
      <header className="mb-4">
        <h1 className="text-2xl font-semibold tracking-tight">Policy validator</h1>
        <p className="mt-1 text-sm text-slate-600">
          Edit or paste a policy: every error and warning is underlined at its place as you type.
          Hover a mark for its message, or pick it from the list.
        </p>
      </header>
      <Validator key={id} initialTemplate={id} />
    </div>
  );
}
