"use client";

import { slugify } from "@sekuire/contracts/slug";
import { useActionState, useEffect, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

export function CreateWorkspaceForm({
  action,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  useEffect(() => {
    if (!state?.ok) return;
    setName("");
    setSlug("");
    setSlugEdited(false);
  }, [state]);
  return (
    <form action={submit} aria-label="Create workspace" className={card}>
      <h2 className="font-semibold">New workspace</h2>
      <p className="mt-1 text-sm text-slate-600">
        A workspace groups the agents, API keys and policy assignments of one team or environment.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Name</span>
          <input
            name="name"
            required
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              if (!slugEdited) setSlug(slugify(e.target.value));
            }}
            placeholder="Production agents"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Slug</span>
          <input
            name="slug"
            value={slug}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugEdited(true);
            }}
            placeholder="production-agents"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono"
          />
        </label>
      </div>
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending || !name.trim()}
        className={buttonClass("primary", "md", "mt-4 disabled:cursor-not-allowed")}
      >
        {pending ? "Creating…" : "Create workspace"}
      </button>
    </form>
  );
}
