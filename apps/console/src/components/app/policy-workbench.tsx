"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Validator } from "@/components/validator/validator";
import type { ActionResult } from "@/server/api";

export function PolicyWorkbench({
  initialText,
  canWrite,
  save,
  publish,
}: {
  initialText: string;
  canWrite: boolean;
  save: (document: string) => Promise<ActionResult>;
  publish: (document: string, changeNote: string) => Promise<ActionResult>;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [note, setNote] = useState("");
  const [busy, startTransition] = useTransition();
  // What the server has (the last saved or published text) and what the editor holds now, read
  // by the keyboard shortcut and the leave-page guard, which live outside the toolbar's render.
  const [saved, setSaved] = useState(initialText);
  const editor = useRef({ text: initialText, blocked: true, saved: initialText });
  editor.current.saved = saved;

  const saveDraft = useCallback(
    (text: string) =>
      startTransition(async () => {
        const r = await save(text);
        setResult(r);
        if (r.ok) setSaved(text);
      }),
    [save],
  );
  useUnsavedChangesShortcuts(editor, canWrite, saveDraft);

  return (
    <div className="space-y-3">
      <Validator
        initialText={initialText}
        toolbar={({ text, ready, pending, errors }) => {
          if (!canWrite)
            return (
              <span className="text-sm text-slate-500">
                Read only: your role cannot change policies.
              </span>
            );
          const blocked = !ready || pending || errors > 0 || busy;
          editor.current.text = text;
          // The shortcut does not wait for a validation in flight: the server checks the draft
          // again and answers with its findings if the last keystroke broke it.
          editor.current.blocked = !ready || errors > 0 || busy;
          return (
            <>
              <button
                type="button"
                disabled={blocked}
                title={errors > 0 ? "Fix the errors before saving." : "Save draft (Ctrl+S)"}
                aria-keyshortcuts="Control+S Meta+S"
                onClick={() => saveDraft(text)}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50"
              >
                Save draft
              </button>
              <input
                aria-label="Change note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="What changed?"
                className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
              />
              <button
                type="button"
                disabled={blocked || note.trim() === ""}
                title={note.trim() === "" ? "Write a change note to publish." : undefined}
                onClick={() =>
                  startTransition(async () => {
                    const r = await publish(text, note.trim());
                    setResult(r);
                    if (r.ok) {
                      setNote("");
                      setSaved(text);
                    }
                  })
                }
                className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
              >
                Publish
              </button>
              {text !== saved ? (
                <span data-testid="unsaved" className="text-xs font-medium text-amber-700">
                  Unsaved changes
                </span>
              ) : null}
            </>
          );
        }}
      />
      {result ? (
        <div
          role={result.ok ? "status" : "alert"}
          data-testid="policy-result"
          className={`rounded-md px-4 py-3 text-sm ${
            result.ok
              ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200"
              : "bg-red-50 text-red-800 ring-1 ring-red-200"
          }`}
        >
          {result.message}
          {result.details?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {result.details.map((d) => (
                <li key={`${d.pointer}-${d.message}`}>
                  {d.pointer ? <code className="mr-1 font-mono">{d.pointer}</code> : null}
                  {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Ctrl/Cmd+S saves the draft; leaving the page with unsaved changes asks first. */
function useUnsavedChangesShortcuts(
  editor: { current: { text: string; blocked: boolean; saved: string } },
  canWrite: boolean,
  saveDraft: (text: string) => void,
) {
  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "s") return;
      e.preventDefault();
      if (!editor.current.blocked) saveDraft(editor.current.text);
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      if (editor.current.text !== editor.current.saved) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onLeave);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onLeave);
    };
  }, [editor, canWrite, saveDraft]);
}
