import type { Finding } from "@sekuire/policy-engine";

/** Minimal document interface (CodeMirror's Text satisfies it). */
export interface LineDoc {
  lines: number;
  length: number;
  line(n: number): { from: number; to: number };
}

/** Converts a 1-based line/column (UTF-16 columns, as the engine reports) to a document offset. */
export function offsetOf(doc: LineDoc, line: number, column: number): number {
  const n = Math.min(Math.max(1, line), doc.lines);
  const l = doc.line(n);
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

/** The [from, to) range a finding covers; at least one character when the document allows. */
export function findingRange(doc: LineDoc, f: Finding): { from: number; to: number } {
  if (f.line === undefined) return { from: 0, to: Math.min(1, doc.length) };
  const from = offsetOf(doc, f.line, f.column ?? 1);
  let to = offsetOf(doc, f.endLine ?? f.line, f.endColumn ?? (f.column ?? 1) + 1);
  if (to <= from) to = Math.min(from + 1, doc.length);
  return { from, to: Math.max(from, to) };
}
