"use client";

import { useActionState } from "react";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { buttonClass, card } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";

export function PasswordForm({
  hasPassword,
  action,
}: {
  hasPassword: boolean;
  action: FormAction;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Password" className={card}>
      <h2 className="font-semibold">{hasPassword ? "Change your password" : "Set a password"}</h2>
      <p className="mt-1 text-sm text-slate-600">
        {hasPassword
          ? "Every other session is signed out when the password changes."
          : "You sign in with emailed links; a password lets you sign in without mail too."}
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        {hasPassword ? (
          <label className="block text-sm">
            <span className="font-medium text-slate-700">Current password</span>
            <input
              name="current"
              type="password"
              required
              autoComplete="current-password"
              className={field}
            />
          </label>
        ) : null}
        <label className="block text-sm">
          <span className="font-medium text-slate-700">New password</span>
          <input
            name="next"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            className={field}
          />
        </label>
      </div>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass("primary", "md", "mt-4")}>
        {pending ? "Saving…" : hasPassword ? "Change password" : "Set password"}
      </button>
    </form>
  );
}

export function SignOutOthersForm({
  open,
  action,
}: {
  open: number;
  action: (previous: ActionResult | null) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label="Sessions" className={card}>
      <h2 className="font-semibold">Sessions</h2>
      <p className="mt-1 text-sm text-slate-600">
        {open === 1
          ? "This browser is your only open session."
          : `You have ${open} open sessions, this browser's included.`}
      </p>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "md", "mt-4")}>
        Sign out everywhere else
      </button>
    </form>
  );
}
