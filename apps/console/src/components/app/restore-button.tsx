"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/server/api";

export function RestoreButton({
  number,
  base,
  restore,
}: {
  number: number;
  base: string;
  restore: () => Promise<ActionResult>;
}) {
  const [busy, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        aria-label={`Restore version ${number}`}
        onClick={() =>
          startTransition(async () => {
            const result = await restore();
            // A full load: the editor starts over from the restored draft.
            if (result.ok) window.location.assign(`${base}?restored=${number}`);
            else setError(result.message ?? "The version could not be restored.");
          })
        }
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-50"
      >
        Restore
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
