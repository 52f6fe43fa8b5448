"use client";

import { useActionState, useEffect, useState } from "react";
import { RoleOptions } from "@/components/app/member-forms";
import { type FormAction, FormMessage } from "@/components/ui/form-message";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { buttonClass, card } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

interface CreatedToken extends ActionResult {
  secret?: string;
}

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** A token for scripts and the CLI: shown once, with the curl call that uses it. */
export function CreateAdminTokenForm({
  organizationId,
  action,
}: {
  organizationId: string;
  action: FormAction<CreatedToken>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return (
    <form action={submit} aria-label="Create admin token" className={card}>
      <h3 className="font-semibold">New admin token</h3>
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Token name</span>
          <input name="name" required placeholder="ci-deploy" className={field} />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Token role</span>
          <select name="role" defaultValue="viewer" className={field}>
            <RoleOptions />
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Expires</span>
          <select name="expiresInDays" defaultValue="90" className={field}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never (not recommended)</option>
          </select>
        </label>
      </div>
      <FormMessage state={state && !state.ok ? state : null} />
      {state?.secret ? (
        <SecretReveal
          key={state.secret}
          secret={state.secret}
          testId="new-token"
          example={{
            label: "Call the API with it:",
            code: [
              `curl -sS -G ${origin}/api/trpc/workspaces.list \\`,
              `  -H "Authorization: Bearer ${state.secret}" \\`,
              `  --data-urlencode 'input={"organizationId":"${organizationId}"}'`,
            ].join("\n"),
          }}
        />
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass("primary", "md", "mt-4")}>
        {pending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}

export function RevokeAdminTokenForm({
  name,
  action,
}: {
  name: string;
  action: (previous: ActionResult | null) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} aria-label={`Revoke token ${name}`}>
      <button type="submit" disabled={pending} className={buttonClass("revoke", "sm")}>
        Revoke
      </button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
