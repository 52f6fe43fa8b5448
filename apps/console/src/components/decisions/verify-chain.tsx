"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

/** "Verify chain" for one workspace: recomputes every record's hash server-side, shows the result. */
export function VerifyChain({
  name,
  verify,
}: {
  name: string;
  verify: (previous: ActionResult | null) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(verify, null);
  return (
    <form action={submit} aria-label={`Verify the chain of ${name}`} className="py-2">
      <div className="flex items-center justify-between gap-3">
        <span className="text-sm font-medium">{name}</span>
        <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
          {pending ? "Verifying…" : "Verify chain"}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
