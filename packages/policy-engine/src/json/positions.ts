/** Attaches 1-based line/column ranges to findings for text input, so editors can underline. */
import type { RawFinding } from "../findings.js";
import { parsePointer } from "./pointer.js";
import type { JNode, Span } from "./tree.js";

interface Located {
  node: JNode;
  keySpan?: Span;
  /** false when the pointer's last token is missing and `node` is its parent */
  exact: boolean;
}

function locate(root: JNode, pointer: string): Located {
  let node = root;
  let keySpan: Span | undefined;
  for (const token of parsePointer(pointer)) {
    let next: JNode | undefined;
    let nextKey: Span | undefined;
    if (node.kind === "object") {
      const m = node.members.find((mm) => mm.key === token);
      next = m?.value;
      nextKey = m?.keySpan;
    } else if (node.kind === "array" && /^\d+$/.test(token)) {
      next = node.items[Number(token)];
    }
    if (!next) return { node, keySpan, exact: false };
    node = next;
    keySpan = nextKey;
  }
  return { node, keySpan, exact: true };
}

function spanFor(root: JNode, f: RawFinding): Span | undefined {
  if (f.span) return f.span;
  const loc = locate(root, f.pointer);
  if (!loc.exact) {
    // A missing member: point at the opening brace of the object that lacks it.
    const s = loc.node.span;
    return s ? { start: s.start, end: s.start + 1 } : undefined;
  }
  if (f.at === "key" && loc.keySpan) return loc.keySpan;
  return loc.node.span;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

export function attachPositions(findings: RawFinding[], text: string, root?: JNode): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    const span = f.span ?? (root ? spanFor(root, f) : undefined);
    if (!span) continue;
    const a = lines.position(span.start);
    const b = lines.position(Math.max(span.start, span.end));
    f.line = a.line;
    f.column = a.column;
    f.endLine = b.line;
    f.endColumn = b.column;
  }
}
