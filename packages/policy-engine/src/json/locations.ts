/**
 * Where each value of a JSON text sits, by JSON Pointer (UTF-16 offsets, as editors count), read
 * with the same parser that validates documents, so the console's highlights and jumps can never
 * disagree with the findings' pointers.
 */
import { Findings } from "../findings.js";
import { treeFromText } from "./from-text.js";
import { child } from "./pointer.js";
import type { JNode } from "./tree.js";

export interface JsonSpan {
  from: number;
  to: number;
}

/** Every value's span by pointer; empty when the text is not JSON the engine reads. */
export function jsonLocations(text: string): Map<string, JsonSpan> {
  const out = new Map<string, JsonSpan>();
  const root = treeFromText(text, new Findings());
  if (root) visit(root, "", out);
  return out;
}

function visit(node: JNode, pointer: string, out: Map<string, JsonSpan>): void {
  if (node.span) out.set(pointer, { from: node.span.start, to: node.span.end });
  if (node.kind === "object")
    for (const m of node.members) visit(m.value, child(pointer, m.key), out);
  else if (node.kind === "array")
    for (let i = 0; i < node.items.length; i++)
      visit(node.items[i] as JNode, child(pointer, i), out);
}
