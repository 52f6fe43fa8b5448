/**
 * A line diff (jsdiff's Myers implementation) grouped into hunks with context, like `diff -u`,
 * for showing what a policy version changed. Policy documents are at most 256 KiB and versions of
 * one policy differ by a few lines; past MAX_EDIT_DISTANCE the middle is shown as replaced, which
 * keeps the worst case bounded.
 */
import { diffArrays } from "diff";

export type DiffKind = "added" | "removed" | "unchanged";

export interface DiffLine {
  kind: DiffKind;
  text: string;
  /** 1-based line in the old text (removed and unchanged lines) */
  oldLine?: number;
  /** 1-based line in the new text (added and unchanged lines) */
  newLine?: number;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

const MAX_EDIT_DISTANCE = 2000;

/** The full edit script turning `a` into `b`, every line of both in order. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  // Common prefix and suffix cost nothing to find and shrink the problem Myers works on.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const script: DiffKind[] = [
    ...Array<DiffKind>(start).fill("unchanged"),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...Array<DiffKind>(a.length - endA).fill("unchanged"),
  ];
  return number(removalsFirst(script), a, b);
}

/**
 * Within a run of changes, removals and additions may come in any order without changing either
 * side; showing the removals first reads like `diff -u` and `git diff`.
 */
function removalsFirst(script: readonly DiffKind[]): DiffKind[] {
  const out: DiffKind[] = [];
  let removed = 0;
  let added = 0;
  const flush = () => {
    for (; removed > 0; removed--) out.push("removed");
    for (; added > 0; added--) out.push("added");
  };
  for (const kind of script) {
    if (kind === "removed") removed++;
    else if (kind === "added") added++;
    else {
      flush();
      out.push(kind);
    }
  }
  flush();
  return out;
}

/** The edit script of the changed middle, from jsdiff (all replaced past the bound). */
function middle(a: string[], b: string[]): DiffKind[] {
  const replaced = (): DiffKind[] => [
    ...Array<DiffKind>(a.length).fill("removed"),
    ...Array<DiffKind>(b.length).fill("added"),
  ];
  if (a.length === 0 || b.length === 0) return replaced();
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_DISTANCE });
  if (!changes) return replaced();
  return changes.flatMap((c) =>
    Array<DiffKind>(c.count ?? c.value.length).fill(
      c.added ? "added" : c.removed ? "removed" : "unchanged",
    ),
  );
}

function number(script: readonly DiffKind[], a: readonly string[], b: readonly string[]) {
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (const kind of script) {
    if (kind === "removed") lines.push({ kind, text: a[i] ?? "", oldLine: ++i });
    else if (kind === "added") lines.push({ kind, text: b[j] ?? "", newLine: ++j });
    else lines.push({ kind, text: a[i] ?? "", oldLine: ++i, newLine: ++j });
  }
  return lines;
}

/** Groups changes with `context` unchanged lines around them; hunks that touch are merged. */
export function toHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let current: { from: number; to: number } | undefined;
  const ranges: { from: number; to: number }[] = [];
  lines.forEach((line, i) => {
    if (line.kind === "unchanged") return;
    const from = Math.max(0, i - context);
    const to = Math.min(lines.length, i + context + 1);
    if (current && from <= current.to) current.to = Math.max(current.to, to);
    else {
      current = { from, to };
      ranges.push(current);
    }
  });
  for (const { from, to } of ranges) {
    const slice = lines.slice(from, to);
    const firstOld = slice.find((l) => l.oldLine !== undefined)?.oldLine;
    const firstNew = slice.find((l) => l.newLine !== undefined)?.newLine;
    const oldLines = slice.filter((l) => l.kind !== "added").length;
    const newLines = slice.filter((l) => l.kind !== "removed").length;
    hunks.push({
      oldStart: firstOld ?? oldBefore(lines, from),
      oldLines,
      newStart: firstNew ?? newBefore(lines, from),
      newLines,
      lines: slice,
    });
  }
  return hunks;
}

/** For a hunk with no line on one side, `diff -u` names the line before it (0 at the start). */
function oldBefore(lines: readonly DiffLine[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const n = lines[i]?.oldLine;
    if (n !== undefined) return n;
  }
  return 0;
}

function newBefore(lines: readonly DiffLine[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const n = lines[i]?.newLine;
    if (n !== undefined) return n;
  }
  return 0;
}

/**
 * Documents are compared pretty-printed (two spaces, keys in written order), so a change of
 * formatting alone shows no difference and a changed value shows on its own line.
 */
export function prettyLines(document: string): string[] {
  let text: string;
  try {
    text = JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    text = document.replace(/\s+$/, "");
  }
  return text.split("\n");
}
