"use client";

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { EditorState, type Range, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { type Ref, useEffect, useImperativeHandle, useRef } from "react";
import { useCspNonce } from "@/components/csp-nonce";

export type HighlightKind = "allow" | "deny" | "approval";
export interface HighlightRange {
  from: number;
  to: number;
  kind: HighlightKind;
}

export interface PolicyEditorHandle {
  setDiagnostics(diagnostics: Diagnostic[]): void;
  /** Marks the lines of `ranges`; `reveal` scrolls the first into view (explicit runs only). */
  setHighlights(ranges: HighlightRange[], reveal?: boolean): void;
  /** Moves the cursor (and focus) to `from`, selecting up to `to`, and scrolls it into view. */
  select(from: number, to?: number): void;
  setText(text: string): void;
  getText(): string;
  /** The document, for offset conversion. */
  doc(): EditorState["doc"] | undefined;
}

const setHighlightsEffect = StateEffect.define<HighlightRange[]>();

const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setHighlightsEffect)) continue;
      const decos: Range<Decoration>[] = [];
      const seen = new Set<number>();
      for (const r of e.value) {
        const first = tr.state.doc.lineAt(Math.min(r.from, tr.state.doc.length)).number;
        const last = tr.state.doc.lineAt(Math.min(r.to, tr.state.doc.length)).number;
        for (let n = first; n <= last; n++) {
          if (seen.has(n)) continue;
          seen.add(n);
          const line = tr.state.doc.line(n);
          decos.push(
            Decoration.line({ class: `cm-decided cm-decided-${r.kind}` }).range(line.from),
          );
        }
      }
      decos.sort((a, b) => a.from - b.from);
      next = Decoration.set(decos);
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function PolicyEditor({
  initialText,
  onChange,
  onReady,
  ref,
}: {
  initialText: string;
  onChange: (text: string) => void;
  onReady?: () => void;
  ref?: Ref<PolicyEditorHandle>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const initial = useRef(initialText);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  // CodeMirror mounts its styles as <style> tags; under the CSP they need this response's nonce.
  // Read once, as the document: the editor is built once per mount.
  const nonce = useRef(useCspNonce());

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current,
        extensions: [
          ...(nonce.current ? [EditorView.cspNonce.of(nonce.current)] : []),
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          json(),
          highlightField,
          keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          EditorView.contentAttributes.of({
            "aria-label": "Policy JSON",
            spellcheck: "false",
            // A tab stop in its own right, so the scrolling editor is reachable by keyboard.
            tabindex: "0",
          }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    onReadyRef.current?.();
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      setDiagnostics(diagnostics) {
        const v = view.current;
        if (v) v.dispatch(setDiagnostics(v.state, diagnostics));
      },
      setHighlights(ranges, reveal) {
        const v = view.current;
        if (!v) return;
        v.dispatch({ effects: setHighlightsEffect.of(ranges) });
        if (!reveal || ranges.length === 0) return;
        const from = Math.min(...ranges.map((r) => r.from), v.state.doc.length);
        const to = Math.min(Math.max(...ranges.map((r) => r.to)), v.state.doc.length);
        // Centre the highlighted block in the editor's own scroller (never the page).
        v.requestMeasure({
          read: (view) => {
            const top = view.lineBlockAt(from).top;
            const bottom = view.lineBlockAt(to).bottom;
            const height = view.scrollDOM.clientHeight;
            const offset = view.documentTop + top - view.scrollDOM.getBoundingClientRect().top;
            return offset - Math.max(24, (height - (bottom - top)) / 2);
          },
          write: (target, view) => {
            view.scrollDOM.scrollTop = view.scrollDOM.scrollTop + target;
          },
        });
      },
      select(from, to) {
        const v = view.current;
        if (!v) return;
        const len = v.state.doc.length;
        const anchor = Math.min(from, len);
        v.dispatch({
          selection: { anchor, head: Math.min(to ?? anchor, len) },
          effects: EditorView.scrollIntoView(anchor, { y: "center" }),
        });
        v.focus();
      },
      setText(text) {
        const v = view.current;
        if (!v) return;
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
      },
      getText() {
        return view.current?.state.doc.toString() ?? initial.current;
      },
      doc() {
        return view.current?.state.doc;
      },
    }),
    [],
  );

  return <div ref={host} className="policy-editor h-full" data-testid="policy-editor" />;
}
