"use client";

import { useActionState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";

export function CreateOrganizationForm({ action }: { action: FormAction }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Create organization" className={`mt-8 ${card}`}>
      <h2 className="font-semibold">New organization</h2>
      <p className="mt-1 text-sm text-slate-600">You will be its owner.</p>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Organization name</span>
          <input
            name="name"
            required
            placeholder="Acme Robotics"
            className="mt-1 block w-72 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Creating…" : "Create organization"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
