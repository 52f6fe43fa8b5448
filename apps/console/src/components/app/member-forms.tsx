"use client";

import { useActionState, useEffect, useState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

const ROLES = ["owner", "admin", "approver", "viewer"] as const;

/** The roles as a select's options, highest first. */
export function RoleOptions() {
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {r}
    </option>
  ));
}

export function MemberControls({
  label,
  role,
  changeRole,
  remove,
}: {
  label: string;
  role: string;
  changeRole: FormAction;
  remove: FormAction;
}) {
  const [roleState, submitRole, rolePending] = useActionState(changeRole, null);
  const [removeState, submitRemove, removePending] = useActionState(remove, null);
  return (
    <div className="flex flex-col items-end">
      <div className="flex items-center gap-2">
        <form action={submitRole} aria-label={`Role of ${label}`} className="flex gap-2">
          <select
            name="role"
            defaultValue={role}
            aria-label={`Role for ${label}`}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            <RoleOptions />
          </select>
          <button type="submit" disabled={rolePending} className={buttonClass("secondary", "sm")}>
            {rolePending ? "Saving…" : "Change role"}
          </button>
        </form>
        <form action={submitRemove} aria-label={`Remove ${label}`}>
          <button
            type="submit"
            disabled={removePending}
            className="rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
          >
            Remove
          </button>
        </form>
      </div>
      <FormMessage state={roleState} />
      <FormMessage state={removeState} />
    </div>
  );
}

export function LeaveOrganizationForm({ action }: { action: FormAction }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Leave organization" className={card}>
      <h2 className="font-semibold">Leave this organization</h2>
      <p className="mt-1 text-sm text-slate-600">
        You lose access at once. The last owner cannot leave.
      </p>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass("danger", "md", "mt-4")}>
        Leave organization
      </button>
    </form>
  );
}

export function RevokeInvitationForm({
  invitationId,
  email,
  action,
}: {
  invitationId: string;
  email: string;
  action: FormAction;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label={`Revoke invitation for ${email}`}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        Revoke
      </button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function InviteForm({
  action,
}: {
  action: FormAction<ActionResult & { link?: string; email?: string }>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [email, setEmail] = useState("");
  useEffect(() => {
    if (state?.ok) setEmail("");
  }, [state]);
  const link = state?.ok ? (state.link ?? null) : null;
  return (
    <form action={submit} aria-label="Invite" className={card}>
      <h2 className="font-semibold">Invite someone</h2>
      <p className="mt-1 text-sm text-slate-600">
        We email the invitation; its link is also shown here once, in case you would rather send it
        yourself.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Email</span>
          <input
            name="email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="teammate@example.com"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Role</span>
          <select
            name="role"
            defaultValue="viewer"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          >
            <RoleOptions />
          </select>
        </label>
      </div>
      {state && !state.ok ? <FormMessage state={state} /> : null}
      {state?.ok ? (
        <div role="status" className="mt-3 text-sm text-emerald-700">
          <p>{state.message} Copy the link now: it will not be shown again.</p>
          {link ? (
            <code
              data-testid="invitation-link"
              className="mt-1 block break-all rounded bg-slate-50 p-2 text-slate-800"
            >
              {link}
            </code>
          ) : null}
        </div>
      ) : null}
      <button
        type="submit"
        disabled={pending || !email.trim()}
        className={buttonClass("primary", "md", "mt-4 disabled:cursor-not-allowed")}
      >
        {pending ? "Inviting…" : "Invite"}
      </button>
    </form>
  );
}
