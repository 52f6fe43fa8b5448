"use client";

import type { Diagnostic } from "@codemirror/lint";
import {
  compile,
  type Decision,
  evaluate,
  type Finding,
  type ParseResult,
  parsePolicy,
  type TemplateId,
  templates,
} from "@sekuire/policy-engine";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { jsonLocations, statementSpan } from "@/lib/json-locations";
import { findingRange } from "@/lib/positions";
import type { HighlightRange, PolicyEditorHandle } from "./policy-editor";
import { PolicyEditor } from "./policy-editor";
import { type SimRequest, Simulator, type SimulatorResult } from "./simulator";

const DEBOUNCE_MS = 120;

interface Located extends Finding {
  from: number;
  to: number;
}

/** What a host (the console's policy page) needs to render its own actions beside the editor. */
export interface ValidatorState {
  text: string;
  ready: boolean;
  pending: boolean;
  errors: number;
}

export function Validator({
  initialTemplate,
  initialText: givenText,
  toolbar,
}: {
  initialTemplate?: TemplateId;
  /** A document to edit instead of a template (hides the template picker). */
  initialText?: string;
  /** Extra controls in the toolbar, given the editor's current state. */
  toolbar?: (state: ValidatorState) => ReactNode;
}) {
  const editor = useRef<PolicyEditorHandle>(null);
  const initialText = useMemo(
    () => givenText ?? templates.find((t) => t.id === initialTemplate)?.text ?? "",
    [givenText, initialTemplate],
  );
  const [templateId, setTemplateId] = useState<TemplateId | "">(
    givenText === undefined ? (initialTemplate ?? "") : "",
  );
  const [ready, setReady] = useState(false);
  const [text, setText] = useState(initialText);
  const [result, setResult] = useState<ParseResult>(() => parsePolicy(initialText));
  const [findings, setFindings] = useState<Located[]>([]);
  const [pending, setPending] = useState(false);
  const [sim, setSim] = useState<SimulatorResult | null>(null);
  const lastRequest = useRef<SimRequest | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Validate: parse, place every finding in the document, underline it.
  const validate = useCallback((value: string) => {
    const parsed = parsePolicy(value);
    const doc = editor.current?.doc();
    const located: Located[] = doc
      ? parsed.findings.map((f) => ({ ...f, ...findingRange(doc, f) }))
      : parsed.findings.map((f) => ({ ...f, from: 0, to: 0 }));
    located.sort((a, b) => a.from - b.from || (a.severity === "error" ? -1 : 1));
    const diagnostics: Diagnostic[] = located.map((f) => ({
      from: f.from,
      to: f.to,
      severity: f.severity,
      source: f.code,
      message: f.message,
    }));
    editor.current?.setDiagnostics(diagnostics);
    setResult(parsed);
    setFindings(located);
    setPending(false);
    return parsed;
  }, []);

  const simulate = useCallback(
    (request: SimRequest, parsed: ParseResult, value: string, reveal = false) => {
      lastRequest.current = request;
      if (!parsed.ok) {
        setSim({ kind: "invalid-policy" });
        editor.current?.setHighlights([]);
        return;
      }
      let context: Record<string, unknown> | undefined;
      if (request.context.trim() !== "") {
        try {
          const v: unknown = JSON.parse(request.context);
          if (v === null || typeof v !== "object" || Array.isArray(v))
            throw new Error('The context must be a JSON object, e.g. {"source.ip": "10.1.2.3"}.');
          context = v as Record<string, unknown>;
        } catch (e) {
          const message =
            e instanceof SyntaxError
              ? `not valid JSON (${e.message}).`
              : e instanceof Error
                ? e.message
                : String(e);
          setSim({ kind: "bad-context", message });
          editor.current?.setHighlights([]);
          return;
        }
      }
      try {
        const set = compile([{ id: "policy", policy: parsed.policy }]);
        const decision: Decision = evaluate(
          set,
          { action: request.action.trim(), resource: request.resource.trim(), context },
          { now: Date.now(), explain: true },
        );
        const locations = jsonLocations(value);
        const spans: Record<number, { from: number; to: number } | undefined> = {};
        for (const e of decision.explanation ?? [])
          spans[e.statement] = statementSpan(locations, e.statement);
        const highlights: HighlightRange[] = [];
        for (const m of decision.matched) {
          const s = spans[m.statement];
          if (s) highlights.push({ ...s, kind: m.effect === "Deny" ? "deny" : "allow" });
        }
        for (const entry of decision.approval?.entries ?? []) {
          const s = locations.get(entry.pointer);
          if (s) highlights.push({ ...s, kind: "approval" });
        }
        editor.current?.setHighlights(highlights, reveal);
        setSim({ kind: "decision", decision, spans, pointers: locations });
      } catch (e) {
        setSim({ kind: "engine-error", message: e instanceof Error ? e.message : String(e) });
        editor.current?.setHighlights([]);
      }
    },
    [],
  );

  const onChange = useCallback(
    (value: string) => {
      setText(value);
      setPending(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const parsed = validate(value);
        // Keep a shown simulation in step with the policy.
        if (lastRequest.current) simulate(lastRequest.current, parsed, value);
      }, DEBOUNCE_MS);
    },
    [validate, simulate],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const onReady = useCallback(() => {
    validate(editor.current?.getText() ?? initialText);
    setReady(true);
  }, [validate, initialText]);

  const loadTemplate = (id: TemplateId) => {
    const t = templates.find((x) => x.id === id);
    if (!t) return;
    setTemplateId(id);
    lastRequest.current = null;
    setSim(null);
    editor.current?.setHighlights([]);
    editor.current?.setText(t.text);
    const url = new URL(window.location.href);
    url.searchParams.set("template", id);
    window.history.replaceState(null, "", url);
  };

  const format = () => {
    try {
      editor.current?.setText(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    } catch {
      // Not JSON yet: the findings already say where.
    }
  };

  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const jsonOk = !findings.some((f) => f.code === "InvalidJson");

  return (
    <div
      className="flex flex-col gap-4"
      data-testid="validator"
      data-ready={ready ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center gap-3">
        {toolbar ? null : (
          <label className="flex items-center gap-2 text-sm text-slate-600">
            <span>Template</span>
            <select
              value={templateId}
              onChange={(e) => loadTemplate(e.target.value as TemplateId)}
              className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm"
            >
              {templateId === "" ? <option value="">Custom</option> : null}
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          onClick={format}
          disabled={!jsonOk}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Format
        </button>
        {toolbar?.({ text, ready, pending, errors })}
        <div className="ml-auto" aria-live="polite">
          <StatusBadge
            ready={ready}
            pending={pending}
            ok={result.ok}
            errors={errors}
            warnings={warnings}
          />
        </div>
      </div>

      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="relative h-[calc(100vh-13rem)] min-h-[28rem] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
          {!ready ? (
            <div className="absolute inset-0 z-10 flex items-center justify-center bg-white text-sm text-slate-500">
              <span className="mr-2 h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600" />
              Loading editor…
            </div>
          ) : null}
          <PolicyEditor
            ref={editor}
            initialText={initialText}
            onChange={(v) => {
              setTemplateId(templates.find((t) => t.text === v)?.id ?? "");
              onChange(v);
            }}
            onReady={onReady}
          />
        </div>

        <div
          data-scroll-panel
          className="flex min-w-0 flex-col gap-4 xl:h-[calc(100vh-13rem)] xl:min-h-[28rem] xl:overflow-y-auto xl:pr-1"
        >
          <Problems
            findings={findings}
            empty={text.trim() === ""}
            onSelect={(f) => editor.current?.select(f.from, f.to)}
          />
          <Simulator
            policyOk={result.ok}
            result={sim}
            onRun={(req) => simulate(req, result, text, true)}
            onSelect={(from, to) => editor.current?.select(from, to)}
          />
        </div>
      </div>
    </div>
  );
}

function StatusBadge(props: {
  ready: boolean;
  pending: boolean;
  ok: boolean;
  errors: number;
  warnings: number;
}) {
  const base = "inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium";
  if (!props.ready)
    return <span className={`${base} bg-slate-100 text-slate-600`}>Not validated</span>;
  if (props.errors > 0)
    return (
      <span data-testid="status" className={`${base} bg-red-50 text-red-700 ring-1 ring-red-200`}>
        <span className="h-2 w-2 rounded-full bg-red-500" />
        {props.errors} error{props.errors === 1 ? "" : "s"}
        {props.warnings > 0 ? `, ${props.warnings} warning${props.warnings === 1 ? "" : "s"}` : ""}
      </span>
    );
  return (
    <span
      data-testid="status"
      className={`${base} bg-emerald-50 text-emerald-700 ring-1 ring-emerald-200`}
    >
      <span className="h-2 w-2 rounded-full bg-emerald-500" />
      Valid policy
      {props.warnings > 0 ? `, ${props.warnings} warning${props.warnings === 1 ? "" : "s"}` : ""}
      {props.pending ? "…" : ""}
    </span>
  );
}

function Problems({
  findings,
  empty,
  onSelect,
}: {
  findings: Located[];
  empty: boolean;
  onSelect: (f: Located) => void;
}) {
  return (
    <section
      aria-labelledby="problems-title"
      className="rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="problems-title" className="text-sm font-semibold text-slate-900">
          Problems
        </h2>
        <span className="text-xs text-slate-500">
          {findings.length === 0 ? "none" : findings.length}
        </span>
      </header>
      {empty ? (
        <p className="px-4 py-6 text-sm text-slate-500">
          The editor is empty. Paste a policy, or pick a template above to start from.
        </p>
      ) : findings.length === 0 ? (
        <p className="flex items-center gap-2 px-4 py-6 text-sm text-slate-600">
          <span className="flex h-5 w-5 items-center justify-center rounded-full bg-emerald-500 text-xs text-white">
            ✓
          </span>
          No errors or warnings. Try a request in the simulator below.
        </p>
      ) : (
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto" data-testid="findings">
          {findings.map((f) => (
            <li key={`${f.code}-${f.pointer}-${f.from}-${f.to}`}>
              <button
                type="button"
                data-code={f.code}
                data-severity={f.severity}
                onClick={() => onSelect(f)}
                className="flex w-full gap-3 px-4 py-2.5 text-left hover:bg-slate-50 focus-visible:bg-slate-50"
              >
                <span
                  aria-hidden="true"
                  className={`mt-1 h-2.5 w-2.5 shrink-0 rounded-full ${
                    f.severity === "error" ? "bg-red-500" : "bg-amber-400"
                  }`}
                />
                <span className="min-w-0 flex-1">
                  <span className="flex flex-wrap items-baseline gap-x-2 text-xs">
                    <span
                      className={`font-semibold ${f.severity === "error" ? "text-red-700" : "text-amber-700"}`}
                    >
                      <span className="sr-only">{f.severity}: </span>
                      {f.code}
                    </span>
                    <span className="truncate font-mono text-slate-500">{f.pointer || "/"}</span>
                    {f.line !== undefined ? (
                      <span className="ml-auto text-slate-500">
                        Ln {f.line}, Col {f.column}
                      </span>
                    ) : null}
                  </span>
                  <span className="mt-0.5 block text-sm text-slate-800">{f.message}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
