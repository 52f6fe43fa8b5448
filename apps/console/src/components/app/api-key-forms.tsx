"use client";

import { useActionState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { ActionResult } from "@/server/api";

export interface CreatedKey extends ActionResult {
  secret?: string;
  display?: string;
}

const EXPIRY_CHOICES = [
  { days: "", label: "Never expires" },
  { days: "30", label: "Expires in 30 days" },
  { days: "90", label: "Expires in 90 days" },
  { days: "365", label: "Expires in a year" },
];

const GRACE_CHOICES = [
  { seconds: 0, label: "Old key stops now" },
  { seconds: 3600, label: "Old key works 1 more hour" },
  { seconds: 86_400, label: "Old key works 1 more day" },
  { seconds: 604_800, label: "Old key works 7 more days" },
];

const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs";
const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium hover:bg-slate-50 disabled:opacity-50";

/** A new agent key, once, with a curl call to the decision API. */
function NewKeyReveal({ secret, decisionApiUrl }: { secret: string; decisionApiUrl: string }) {
  const code = [
    `curl -X POST ${decisionApiUrl}/v1/decisions \\`,
    `  -H "Authorization: Bearer ${secret}" \\`,
    '  -H "Content-Type: application/json" \\',
    `  -d '{"action": "db:Select", "resource": "db://production/users"}'`,
  ].join("\n");
  return (
    <SecretReveal secret={secret} example={{ label: "Try it against the decision API:", code }} />
  );
}

export function CreateKeyForm({
  agentName,
  decisionApiUrl,
  action,
}: {
  agentName: string;
  decisionApiUrl: string;
  action: FormAction<CreatedKey>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <div>
      <form action={submit} aria-label={`New API key for ${agentName}`} className="flex gap-2">
        <select name="expiresInDays" aria-label="Expiry" defaultValue="" className={select}>
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.days} value={c.days}>
              {c.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending}
          aria-label={`Create API key for ${agentName}`}
          className={button}
        >
          {pending ? "Creating…" : "Create API key"}
        </button>
      </form>
      {state && !state.ok ? <FormMessage state={state} /> : null}
      {state?.secret ? (
        <NewKeyReveal key={state.secret} secret={state.secret} decisionApiUrl={decisionApiUrl} />
      ) : null}
    </div>
  );
}

/**
 * Rotate (a new secret; the old one works for the chosen grace) or revoke one key. Rendered for
 * every key, usable or not, so the new secret stays on screen after the old key's status changes.
 */
export function KeyControls({
  display,
  canRotate,
  canRevoke,
  decisionApiUrl,
  rotate,
  revoke,
}: {
  display: string;
  /** A key that is already in its grace period is not rotated again: rotate its successor. */
  canRotate: boolean;
  canRevoke: boolean;
  decisionApiUrl: string;
  rotate: FormAction<CreatedKey>;
  revoke: (previous: ActionResult | null) => Promise<ActionResult>;
}) {
  const [rotated, submitRotate, rotating] = useActionState(rotate, null);
  const [revoked, submitRevoke, revoking] = useActionState(revoke, null);
  return (
    <div className="w-full">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {canRotate ? (
          <form action={submitRotate} aria-label={`Rotate ${display}`} className="flex gap-2">
            <select
              name="gracePeriodSeconds"
              aria-label="Grace period"
              defaultValue="86400"
              className={select}
            >
              {GRACE_CHOICES.map((c) => (
                <option key={c.seconds} value={c.seconds}>
                  {c.label}
                </option>
              ))}
            </select>
            <button type="submit" disabled={rotating} className={button}>
              {rotating ? "Rotating…" : "Rotate"}
            </button>
          </form>
        ) : null}
        {canRevoke ? (
          <form action={submitRevoke} aria-label={`Revoke ${display}`}>
            <button
              type="submit"
              disabled={revoking}
              className="rounded-md border border-slate-300 px-2.5 py-1.5 text-xs font-medium hover:bg-red-50 hover:text-red-700 disabled:opacity-50"
            >
              Revoke
            </button>
          </form>
        ) : null}
      </div>
      {rotated && !rotated.ok ? <FormMessage state={rotated} /> : null}
      {revoked && !revoked.ok ? <FormMessage state={revoked} /> : null}
      {rotated?.secret ? (
        <NewKeyReveal
          key={rotated.secret}
          secret={rotated.secret}
          decisionApiUrl={decisionApiUrl}
        />
      ) : null}
    </div>
  );
}
