"use client";

import { useActionState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";

/**
 * A second admin's decision on a publish request, with an optional note. The requester sees
 * only "Withdraw": core refuses a self-approval anyway, the button just doesn't offer it.
 */
export function PublishRequestForm({ own, action }: { own: boolean; action: FormAction }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Decide publish request" className="mt-4 space-y-3">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Note (optional)</span>
        <input
          name="note"
          maxLength={500}
          placeholder={own ? "Why you withdraw it" : "Why you approve or reject"}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <div className="flex gap-2">
        {own ? (
          <button
            type="submit"
            name="decision"
            value="reject"
            disabled={pending}
            className={buttonClass("secondary")}
          >
            Withdraw request
          </button>
        ) : (
          <>
            <button
              type="submit"
              name="decision"
              value="approve"
              disabled={pending}
              className={buttonClass("approve")}
            >
              Approve and publish
            </button>
            <button
              type="submit"
              name="decision"
              value="reject"
              disabled={pending}
              className={buttonClass("danger")}
            >
              Reject
            </button>
          </>
        )}
      </div>
      {own ? (
        <p className="text-xs text-slate-500">Another admin must approve your own request.</p>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
