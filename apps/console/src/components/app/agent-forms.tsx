"use client";

import { useActionState, useState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

type Action = (previous: ActionResult | null) => Promise<ActionResult>;

export function CreateAgentForm({ action }: { action: FormAction }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Create agent" className="flex flex-wrap items-end gap-3">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Agent name</span>
        <input
          name="name"
          required
          placeholder="support-bot"
          className="mt-1 block w-64 rounded-md border border-slate-300 px-3 py-2"
        />
      </label>
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Creating…" : "Create agent"}
      </button>
      {state && !state.ok ? (
        <div className="w-full">
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}

/** Freeze (the kill switch: every decision Deny) or unfreeze, and delete after a confirmation. */
export function AgentControls({
  name,
  frozen,
  setFrozen,
  remove,
}: {
  name: string;
  frozen: boolean;
  setFrozen: Action;
  remove: Action;
}) {
  const [freezeState, freeze, freezing] = useActionState(setFrozen, null);
  const [removeState, submitRemove, removing] = useActionState(remove, null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingFreeze, setConfirmingFreeze] = useState(false);
  const button = buttonClass("secondary", "sm");
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        {frozen ? (
          <form action={freeze} aria-label={`Unfreeze ${name}`}>
            <button type="submit" disabled={freezing} className={button}>
              Unfreeze
            </button>
          </form>
        ) : confirmingFreeze ? (
          <form action={freeze} aria-label={`Freeze ${name}`} className="flex items-center gap-2">
            <span className="text-xs text-slate-700">Deny its every decision, everywhere?</span>
            <button type="submit" disabled={freezing} className={buttonClass("destroy", "sm")}>
              {freezing ? "Freezing…" : "Freeze agent"}
            </button>
            <button type="button" onClick={() => setConfirmingFreeze(false)} className={button}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setConfirmingFreeze(true)} className={button}>
            Freeze…
          </button>
        )}
        {confirming ? (
          <form action={submitRemove} aria-label={`Delete ${name}`} className="flex gap-2">
            <button type="submit" disabled={removing} className={buttonClass("destroy", "sm")}>
              {removing ? "Deleting…" : "Delete agent and keys"}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={button}>
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50"
          >
            Delete…
          </button>
        )}
      </div>
      {freezeState && !freezeState.ok ? <FormMessage state={freezeState} /> : null}
      {removeState && !removeState.ok ? <FormMessage state={removeState} /> : null}
    </div>
  );
}
