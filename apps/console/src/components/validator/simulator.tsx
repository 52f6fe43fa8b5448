"use client";

import type { Decision, StatementExplanation } from "@sekuire/policy-engine";
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from "react";
import type { Span } from "@/lib/json-locations";

export interface SimRequest {
  action: string;
  resource: string;
  context: string;
}

export type SimulatorResult =
  | { kind: "invalid-policy" }
  | { kind: "bad-context"; message: string }
  | { kind: "engine-error"; message: string }
  | {
      kind: "decision";
      decision: Decision;
      spans: Record<number, Span | undefined>;
      pointers: Map<string, Span>;
    };

const EXAMPLES: Array<{ label: string; request: SimRequest }> = [
  {
    label: "Delete a production table",
    request: { action: "db:Delete", resource: "db://production/users", context: "" },
  },
  {
    label: "Read from the office network",
    request: {
      action: "db:Select",
      resource: "db://production/users",
      context: '{\n  "source.ip": "10.1.2.3"\n}',
    },
  },
  {
    label: "Update a row",
    request: { action: "db:Update", resource: "db://production/orders", context: "" },
  },
  {
    label: "Read encrypted PHI",
    request: {
      action: "data:ReadHealth",
      resource: "db://healthcare/patients",
      context: '{\n  "encryption.enabled": true,\n  "data.classification": "PHI"\n}',
    },
  },
];

const DECISION_STYLE: Record<Decision["decision"], string> = {
  Allow: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  Deny: "bg-red-50 text-red-800 ring-red-200",
  RequireApproval: "bg-amber-50 text-amber-900 ring-amber-200",
};

const DECISION_LABEL: Record<Decision["decision"], string> = {
  Allow: "Allow",
  Deny: "Deny",
  RequireApproval: "Requires approval",
};

const input =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 font-mono text-sm text-slate-900 shadow-sm placeholder:text-slate-400";

export function Simulator({
  policyOk,
  result,
  onRun,
  onSelect,
}: {
  policyOk: boolean;
  result: SimulatorResult | null;
  onRun: (request: SimRequest) => void;
  onSelect: (from: number, to: number) => void;
}) {
  const [req, setReq] = useState<SimRequest>(
    EXAMPLES[0]?.request ?? { action: "", resource: "", context: "" },
  );

  const outcome = useRef<HTMLDivElement>(null);
  const revealNext = useRef(false);
  const run = (request: SimRequest) => {
    revealNext.current = true;
    onRun(request);
  };
  // After an explicit run, bring the decision into view in the side panel.
  useEffect(() => {
    if (result && revealNext.current) {
      revealNext.current = false;
      const el = outcome.current;
      const panel = el?.closest<HTMLElement>("[data-scroll-panel]");
      if (!el) return;
      if (
        panel &&
        panel.scrollHeight > panel.clientHeight &&
        getComputedStyle(panel).overflowY !== "visible"
      )
        panel.scrollTop += el.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
      else el.scrollIntoView({ block: "nearest" });
    }
  }, [result]);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    run(req);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
  };

  return (
    <section
      aria-labelledby="sim-title"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="border-b border-slate-200 px-4 py-3">
        <h2 id="sim-title" className="text-sm font-semibold text-slate-900">
          Simulator
        </h2>
        <p className="mt-0.5 text-xs text-slate-500">
          Try a request against this policy. Runs in your browser.
        </p>
      </header>
      <form
        onSubmit={submit}
        onKeyDown={onKey}
        className="space-y-3 px-4 py-4"
        data-testid="simulator"
      >
        <div className="flex flex-wrap gap-1.5">
          {EXAMPLES.map((ex) => (
            <button
              key={ex.label}
              type="button"
              onClick={() => {
                setReq(ex.request);
                run(ex.request);
              }}
              className="rounded-full border border-slate-200 bg-slate-50 px-2.5 py-1 text-xs text-slate-700 hover:border-brand-200 hover:bg-brand-50"
            >
              {ex.label}
            </button>
          ))}
        </div>
        <label className="block">
          <span className="text-xs font-medium text-slate-600">Action</span>
          <input
            name="action"
            className={input}
            value={req.action}
            placeholder="db:Select"
            onChange={(e) => setReq({ ...req, action: e.target.value })}
          />
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600">Resource</span>
          <input
            name="resource"
            className={input}
            value={req.resource}
            placeholder="db://production/users"
            onChange={(e) => setReq({ ...req, resource: e.target.value })}
          />
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600">
            Context (JSON object, optional)
          </span>
          <textarea
            name="context"
            rows={3}
            className={input}
            value={req.context}
            placeholder='{ "source.ip": "10.1.2.3" }'
            onChange={(e) => setReq({ ...req, context: e.target.value })}
          />
        </label>
        <div className="flex items-center justify-between gap-3">
          <span className="text-xs text-slate-500">Ctrl+Enter to run</span>
          <button
            type="submit"
            disabled={!policyOk}
            className="rounded-md bg-brand-600 px-3.5 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            Simulate
          </button>
        </div>
        {!policyOk ? (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">
            Fix the errors in the policy to simulate a request.
          </p>
        ) : null}
      </form>
      <div ref={outcome} aria-live="polite" className="scroll-mt-2">
        {result ? <Outcome result={result} onSelect={onSelect} /> : null}
      </div>
    </section>
  );
}

function Outcome({
  result,
  onSelect,
}: {
  result: SimulatorResult;
  onSelect: (from: number, to: number) => void;
}) {
  if (result.kind === "invalid-policy")
    return (
      <Alert>
        The policy has errors, so it cannot decide anything yet. Fix them and run again.
      </Alert>
    );
  if (result.kind === "bad-context")
    return <Alert>The context is not usable: {result.message}</Alert>;
  if (result.kind === "engine-error") return <Alert>The engine failed: {result.message}</Alert>;
  const { decision, spans, pointers } = result;
  const go = (span: Span | undefined) => span && onSelect(span.from, span.from);
  return (
    <div className="space-y-4 border-t border-slate-200 px-4 py-4" data-testid="sim-result">
      <div className={`rounded-lg px-4 py-3 ring-1 ${DECISION_STYLE[decision.decision]}`}>
        <div className="flex items-baseline justify-between gap-3">
          <p className="text-lg font-semibold" data-testid="decision">
            {DECISION_LABEL[decision.decision]}
          </p>
          <code className="font-mono text-xs" data-testid="reason">
            {decision.reason}
          </code>
        </div>
        {decision.message ? <p className="mt-1 text-sm">{decision.message}</p> : null}
      </div>

      {decision.matched.length > 0 ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Decided by
          </h3>
          <ul className="mt-1.5 flex flex-wrap gap-1.5" data-testid="matched">
            {decision.matched.map((m) => (
              <li key={m.statement}>
                <button
                  type="button"
                  onClick={() => go(spans[m.statement])}
                  className="rounded-md border border-slate-200 px-2 py-1 font-mono text-xs hover:bg-slate-50"
                >
                  {m.sid ?? `Statement ${m.statement}`} · {m.effect}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {decision.approval ? (
        <div
          data-testid="approval"
          className="rounded-lg border border-amber-200 bg-amber-50/50 px-3 py-2 text-sm"
        >
          <h3 className="text-xs font-semibold uppercase tracking-wide text-amber-800">Approval</h3>
          <p className="mt-1 text-slate-800">
            An <strong>{decision.approval.approverRole}</strong> must approve within{" "}
            {formatSeconds(decision.approval.timeoutSeconds)}; notified by{" "}
            {decision.approval.channels.map((c) => c.type).join(", ") || "no channel"}.
          </p>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {decision.approval.entries.map((e) => (
              <li key={e.pointer}>
                <button
                  type="button"
                  onClick={() => go(pointers.get(e.pointer))}
                  className="font-mono text-xs text-amber-900 underline decoration-dotted"
                >
                  {e.pointer}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {decision.errors.length > 0 ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-red-700">
            Evaluation errors
          </h3>
          <ul className="mt-1.5 space-y-1.5 text-sm" data-testid="eval-errors">
            {decision.errors.map((e) => (
              <li key={`${e.pointer}-${e.code}`}>
                <button
                  type="button"
                  onClick={() => go(pointers.get(e.pointer))}
                  className="text-left"
                >
                  <code className="font-mono text-xs text-red-700">{e.code}</code>{" "}
                  <span className="text-slate-800">{e.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {decision.explanation ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Every statement
          </h3>
          <ol className="mt-1.5 space-y-2" data-testid="explanation">
            {decision.explanation.map((e) => (
              <Explanation
                key={`${e.policyId}-${e.statement}`}
                e={e}
                onClick={() => go(spans[e.statement])}
              />
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}

function Check({ ok, label }: { ok: boolean | "error"; label: string }) {
  const style =
    ok === true
      ? "bg-emerald-50 text-emerald-700"
      : ok === "error"
        ? "bg-red-50 text-red-700"
        : "bg-slate-100 text-slate-500";
  const mark = ok === true ? "✓" : ok === "error" ? "!" : "✕";
  return (
    <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${style}`}>
      {mark} {label}
    </span>
  );
}

function Explanation({ e, onClick }: { e: StatementExplanation; onClick: () => void }) {
  return (
    <li data-statement={e.statement} data-matched={e.matched ? "true" : "false"}>
      <button
        type="button"
        onClick={onClick}
        className={`w-full rounded-lg border px-3 py-2 text-left hover:bg-slate-50 ${
          e.matched
            ? e.effect === "Deny"
              ? "border-red-200"
              : "border-emerald-200"
            : "border-slate-200"
        }`}
      >
        <span className="flex items-center gap-2">
          <span className="font-mono text-xs font-semibold text-slate-900">
            {e.sid ?? `Statement ${e.statement}`}
          </span>
          <span
            className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${
              e.effect === "Deny" ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-700"
            }`}
          >
            {e.effect}
          </span>
          <span
            className={`ml-auto text-xs font-medium ${e.matched ? "text-slate-900" : "text-slate-500"}`}
          >
            {e.matched ? "matches" : "does not match"}
          </span>
        </span>
        <span className="mt-1.5 flex flex-wrap gap-1">
          <Check ok={e.action} label="action" />
          {/* The engine stops at the first part that fails: later parts are not checked. */}
          {e.action ? <Check ok={e.resource} label="resource" /> : null}
          {e.action && e.resource === true
            ? e.conditions.map((c) => (
                <Check
                  key={c.pointer}
                  ok={c.result === "true" ? true : c.result === "error" ? "error" : false}
                  label={`${c.operator} ${c.key}${c.value === undefined ? " (absent)" : ` = ${JSON.stringify(c.value)}`}`}
                />
              ))
            : null}
          {!e.action || e.resource !== true ? (
            <span className="px-1 py-0.5 text-[11px] text-slate-500">
              {e.action ? "conditions not checked" : "resource and conditions not checked"}
            </span>
          ) : null}
        </span>
        <span className="mt-1 block text-xs text-slate-600">{e.summary}</span>
      </button>
    </li>
  );
}

function Alert({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      data-testid="sim-alert"
      className="mx-4 mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
    >
      {children}
    </p>
  );
}

function formatSeconds(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? "" : "s"}`;
  if (s % 60 === 0) return `${s / 60} minutes`;
  return `${s} seconds`;
}
