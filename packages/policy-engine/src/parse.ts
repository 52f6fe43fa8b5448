/**
 * parsePolicy(): text or a value -> a validated Policy with findings, or all the errors found.
 * Never throws, whatever the input.
 */
import { Findings, publicFinding } from "./findings.js";
import { treeFromText } from "./json/from-text.js";
import { treeFromValue } from "./json/from-value.js";
import { attachPositions } from "./json/positions.js";
import { type JNode, toPlain } from "./json/tree.js";
import { lintPolicy } from "./lint/lint.js";
import { makePolicy, type Policy } from "./policy.js";
import type { Finding } from "./types.js";
import { validateDocument } from "./validate/document.js";

export type ParseResult =
  | { ok: true; policy: Policy; findings: Finding[] }
  | { ok: false; findings: Finding[] };

function run(input: unknown, f: Findings): { root?: JNode; policy?: Policy } {
  const root = typeof input === "string" ? treeFromText(input, f) : treeFromValue(input, f);
  // Duplicate keys leave a complete tree (first member kept): go on and report everything else too.
  if (!root) return { root };
  const ir = validateDocument(root, f);
  if (!ir || root.kind !== "object") return { root };
  lintPolicy(ir, root, f);
  return { root, policy: makePolicy(toPlain(root), ir) };
}

export function parsePolicy(input: string | unknown): ParseResult {
  const f = new Findings();
  let result: { root?: JNode; policy?: Policy };
  try {
    result = run(input, f);
  } catch (e) {
    // A bug of ours must still come back as data, never as an exception to the caller.
    f.error(
      "InvalidType",
      "",
      `The document could not be checked (${e instanceof Error ? e.message : String(e)}).`,
    );
    result = {};
  }
  if (typeof input === "string") attachPositions(f.list, input, result.root);
  const findings = f.list.map(publicFinding);
  return result.policy && !f.hasErrors
    ? { ok: true, policy: result.policy, findings }
    : { ok: false, findings };
}
