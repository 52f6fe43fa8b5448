"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import type { ActionResult } from "@/server/api";

type Action = (previous: ActionResult | null) => Promise<ActionResult>;

/**
 * The workspace kill switch. Freezing asks for a confirmation (it stops every agent of the
 * workspace at once); unfreezing is one click. A frozen workspace shows a banner.
 */
export function WorkspaceFreeze({
  name,
  frozen,
  frozenBy,
  frozenAt,
  canWrite,
  freeze,
  unfreeze,
}: {
  name: string;
  frozen: boolean;
  frozenBy: string | null;
  frozenAt: string | null;
  canWrite: boolean;
  freeze: Action;
  unfreeze: Action;
}) {
  const [freezeState, submitFreeze, freezing] = useActionState(freeze, null);
  const [unfreezeState, submitUnfreeze, unfreezing] = useActionState(unfreeze, null);
  const [confirming, setConfirming] = useState(false);
  const state = frozen ? unfreezeState : freezeState;
  return (
    <div className="space-y-2">
      {frozen ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          <span>
            <strong>
              Frozen{frozenBy ? ` by ${frozenBy}` : ""}
              {frozenAt ? ` on ${formatDateTime(frozenAt)}` : ""}.
            </strong>{" "}
            Every decision for every agent of {name} is Deny (reason Frozen) until it is unfrozen.
          </span>
          {canWrite ? (
            <form action={submitUnfreeze} aria-label={`Unfreeze ${name}`}>
              <button
                type="submit"
                disabled={unfreezing}
                className={buttonClass("secondary", "sm")}
              >
                {unfreezing ? "Unfreezing…" : "Unfreeze workspace"}
              </button>
            </form>
          ) : null}
        </div>
      ) : canWrite ? (
        confirming ? (
          <form
            action={submitFreeze}
            aria-label={`Freeze ${name}`}
            className="flex flex-wrap items-center gap-2 text-sm"
          >
            <span className="text-slate-700">
              Deny every decision of every agent in {name}, on every server, within a second?
            </span>
            <button type="submit" disabled={freezing} className={buttonClass("destroy", "sm")}>
              {freezing ? "Freezing…" : "Freeze workspace"}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className={buttonClass("secondary", "sm")}
            >
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
          >
            Freeze workspace…
          </button>
        )
      ) : null}
      {state ? <FormMessage state={state} /> : null}
    </div>
  );
}
