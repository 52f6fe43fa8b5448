"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

/** Sends a signed `webhook.test` event now and says what the receiver answered. */
export function TestDeliveryForm({
  defaultUrl,
  action,
}: {
  defaultUrl: string;
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Send a test delivery" className="space-y-2">
      <label className="block text-sm font-medium text-slate-700" htmlFor="webhook-test-url">
        Receiver URL
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="webhook-test-url"
          name="url"
          type="url"
          required
          defaultValue={defaultUrl}
          placeholder="https://hooks.example.com/sekuire"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm"
        />
        <button type="submit" disabled={pending} className={buttonClass("secondary")}>
          {pending ? "Sending…" : "Send test delivery"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
