"use client";

import { useActionState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

export function RenameOrganizationForm({ name, action }: { name: string; action: FormAction }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Organization name" className={card}>
      <h2 className="font-semibold">Name</h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="block text-sm">
          <span className="sr-only">Organization name</span>
          <input
            name="name"
            required
            defaultValue={name}
            aria-label="Organization name"
            className="w-72 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Saving…" : "Rename"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Only owners switch four eyes: turning it off removes a safeguard other admins rely on. */
export function FourEyesForm({
  enabled,
  canChange,
  action,
}: {
  enabled: boolean;
  canChange: boolean;
  action: (previous: ActionResult | null) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Four-eyes publishing" className={card}>
      <h2 className="font-semibold">Four-eyes publishing</h2>
      <p className="mt-1 text-sm text-slate-600">
        {enabled
          ? "On: publishing a policy creates a request that a second admin must approve."
          : "Off: an admin's publish goes live at once."}
      </p>
      {canChange ? (
        <button type="submit" disabled={pending} className={buttonClass("secondary", "md", "mt-3")}>
          {enabled ? "Turn off four eyes" : "Require a second admin"}
        </button>
      ) : (
        <p className="mt-3 text-xs text-slate-500">Only an owner can change this.</p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
