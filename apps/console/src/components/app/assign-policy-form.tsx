"use client";

import { useActionState, useState } from "react";
import { buttonClass, card } from "@/components/ui/styles";
import type { ActionResult } from "@/server/api";

export interface AssignablePolicy {
  id: string;
  name: string;
  versions: { id: string; number: number }[];
}

export function AssignPolicyForm({
  policies,
  action,
}: {
  policies: AssignablePolicy[];
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [policyId, setPolicyId] = useState(policies[0]?.id ?? "");
  const selected = policies.find((p) => p.id === policyId);
  return (
    <form action={submit} aria-label="Assign a policy" className={card}>
      <h3 className="font-semibold">Assign a policy</h3>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Policy</span>
          <select
            name="policyId"
            value={policyId}
            onChange={(e) => setPolicyId(e.target.value)}
            className="mt-1 block w-64 rounded-md border border-slate-300 bg-white px-2 py-2"
          >
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Version</span>
          <select
            name="pinnedVersionId"
            key={policyId}
            defaultValue=""
            className="mt-1 block w-56 rounded-md border border-slate-300 bg-white px-2 py-2"
          >
            <option value="">Follow the latest published</option>
            {selected?.versions.map((v) => (
              <option key={v.id} value={v.id}>
                Pin version {v.number}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending || !policyId} className={buttonClass("primary")}>
          {pending ? "Assigning…" : "Assign"}
        </button>
      </div>
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mt-3 text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
