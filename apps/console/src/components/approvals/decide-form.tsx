"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** Approve or deny with an optional comment: two submit buttons of one POST form. */
export function DecideForm({ label, decide }: { label: string; decide: Action }) {
  const [state, submit, pending] = useActionState(decide, null);
  return (
    <form action={submit} aria-label={label} className="space-y-2">
      <label className="block text-sm">
        <span className="text-slate-700">Comment (optional, kept with the verdict)</span>
        <textarea
          name="comment"
          rows={2}
          maxLength={1000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="submit"
          name="verdict"
          value="approve"
          disabled={pending}
          className={buttonClass("approve", "sm")}
        >
          Approve
        </button>
        <button
          type="submit"
          name="verdict"
          value="deny"
          disabled={pending}
          className={buttonClass("destroy", "sm")}
        >
          Deny
        </button>
      </div>
      {state ? <FormMessage state={state} /> : null}
    </form>
  );
}
