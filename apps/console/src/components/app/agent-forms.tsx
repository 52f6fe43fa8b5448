"use client";

import { useActionState, useState, useTransition } from "react";
import type { ActionResult } from "@/server/api";

export function CreateAgentForm({
  action,
}: {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
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
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {pending ? "Creating…" : "Create agent"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

interface CreatedKey extends ActionResult {
  secret?: string;
  display?: string;
}

export function CreateKeyButton({
  agentName,
  create,
}: {
  agentName: string;
  create: () => Promise<CreatedKey>;
}) {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, startTransition] = useTransition();
  const curl = created?.secret
    ? [
        "curl -X POST http://localhost:4000/v1/decisions \\",
        `  -H "Authorization: Bearer ${created.secret}" \\`,
        '  -H "Content-Type: application/json" \\',
        `  -d '{"action": "db:Select", "resource": "db://production/users"}'`,
      ].join("\n")
    : "";
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        aria-label={`Create API key for ${agentName}`}
        onClick={() =>
          startTransition(async () => {
            setCopied(false);
            setCreated(await create());
          })
        }
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
      >
        {busy ? "Creating…" : "Create API key"}
      </button>
      {created && !created.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {created.message}
        </p>
      ) : null}
      {created?.secret ? (
        <div
          data-testid="new-key"
          className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
        >
          <p className="font-medium text-amber-900">
            Copy this key now: it is shown once and cannot be recovered.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              data-testid="secret"
              className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200"
            >
              {created.secret}
            </code>
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.secret ?? "").catch(() => {});
                setCopied(true);
              }}
              className="rounded-md bg-amber-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-amber-700"
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="mt-3 text-xs text-amber-900">Try it against the decision API:</p>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {curl}
          </pre>
          <button
            type="button"
            onClick={() => setCreated(null)}
            className="mt-2 text-xs font-medium text-amber-900 underline"
          >
            I have stored it, hide the key
          </button>
        </div>
      ) : null}
    </div>
  );
}
