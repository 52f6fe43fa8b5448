"use client";

import { useState } from "react";

/**
 * A secret shown once (an API key, an admin token), with a copy button and an example call that
 * uses it. Keyed by the secret where it is used, so a new secret starts unhidden.
 */
export function SecretReveal({
  secret,
  example,
  testId = "new-key",
}: {
  secret: string;
  example: { label: string; code: string };
  testId?: string;
}) {
  const [copied, setCopied] = useState(false);
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <div
      data-testid={testId}
      className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
    >
      <p className="font-medium text-amber-900">
        Copy this secret now: it is shown once and cannot be recovered.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <code
          data-testid="secret"
          className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200"
        >
          {secret}
        </code>
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => {});
            setCopied(true);
          }}
          className="rounded-md bg-amber-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-amber-700"
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="mt-3 text-xs text-amber-900">{example.label}</p>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
        {example.code}
      </pre>
      <button
        type="button"
        onClick={() => setHidden(true)}
        className="mt-2 text-xs font-medium text-amber-900 underline"
      >
        I have stored it, hide it
      </button>
    </div>
  );
}
