/** One statement: Sid, Effect, Action/NotAction, Resource/NotResource, Condition. */
import type { Findings } from "../findings.js";
import type { Located, StatementIR } from "../ir.js";
import { child } from "../json/pointer.js";
import { type JNode, member } from "../json/tree.js";
import { MAX_PATTERN_LENGTH } from "../limits.js";
import { type ActionPattern, compileActionPattern } from "../match/action.js";
import { compileResourcePattern, type ResourcePattern } from "../resource/pattern.js";
import { parseTemplate } from "../template-string.js";
import { quote } from "../text.js";
import type { Effect } from "../types.js";
import { validateCondition } from "./condition.js";
import { checkFields, expectObject, expectString, type Item, stringOrList } from "./read.js";
import { sentence } from "./suggest.js";

export const STATEMENT_FIELDS = [
  "Sid",
  "Effect",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
];

type Compile<T> = (item: Item<string>, f: Findings) => T | undefined;

function patternLengthOk(item: Item<string>, what: string, f: Findings): boolean {
  if (item.value === "") {
    f.error("EmptyValue", item.pointer, `An empty string is not ${what}.`);
    return false;
  }
  if (item.value.length > MAX_PATTERN_LENGTH) {
    f.error(
      "PatternTooLong",
      item.pointer,
      `This pattern is ${item.value.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed.`,
    );
    return false;
  }
  return true;
}

export const compileAction: Compile<ActionPattern> = (item, f) => {
  if (!patternLengthOk(item, "an action", f)) return undefined;
  const r = compileActionPattern(item.value);
  if (r.ok) return r.pattern;
  f.error(
    "InvalidActionPattern",
    item.pointer,
    `\`${item.value}\` is not a valid action: ${r.message}.`,
  );
  return undefined;
};

const compileResource: Compile<ResourcePattern> = (item, f) => {
  if (!patternLengthOk(item, "a resource", f)) return undefined;
  const t = parseTemplate(item.value);
  if (!t.ok) {
    f.error("InvalidVariable", item.pointer, `${t.message}.`);
    return undefined;
  }
  const r = compileResourcePattern(item.value);
  if (r.ok) return r.pattern;
  f.error(
    "InvalidResourcePattern",
    item.pointer,
    `\`${item.value.slice(0, 200)}\` is not a valid resource pattern: ${r.message}. A pattern is \`*\`, starts with a wildcard, or is a URI such as \`file://workspace/*\`.`,
  );
  return undefined;
};

/** Exactly one of Field / NotField; returns the patterns and whether it was the Not form. */
function pair<T>(
  obj: Extract<JNode, { kind: "object" }>,
  pointer: string,
  field: "Action" | "Resource",
  compile: Compile<T>,
  f: Findings,
): { negated: boolean; items: Located<T>[] } | undefined {
  const notField = `Not${field}`;
  const plain = member(obj, field);
  const not = member(obj, notField);
  if (plain && not) {
    f.error(
      "ConflictingFields",
      child(pointer, notField),
      `A statement has either \`${field}\` or \`${notField}\`, not both.`,
      "key",
    );
    return undefined;
  }
  const m = plain ?? not;
  if (!m) {
    f.error(
      "MissingField",
      child(pointer, field),
      `The statement needs \`${field}\` (or \`${notField}\`).`,
    );
    return undefined;
  }
  const items = stringOrList(m.value, child(pointer, m.key), `\`${m.key}\``, f);
  if (!items) return undefined;
  const out: Located<T>[] = [];
  for (const item of items) {
    const pattern = compile(item, f);
    if (pattern !== undefined) out.push({ pattern, pointer: item.pointer });
  }
  return out.length === items.length ? { negated: m === not, items: out } : undefined;
}

function effect(
  obj: Extract<JNode, { kind: "object" }>,
  pointer: string,
  f: Findings,
): Effect | undefined {
  const m = member(obj, "Effect");
  const p = child(pointer, "Effect");
  if (!m) {
    f.error("MissingField", p, 'The statement needs `Effect`: "Allow" or "Deny".');
    return undefined;
  }
  const v = expectString(m.value, p, "`Effect`", f);
  if (v === "Allow" || v === "Deny") return v;
  if (v !== undefined)
    f.error(
      "InvalidEffect",
      p,
      sentence(`${quote(v)} is not an effect: use "Allow" or "Deny"`, v, ["Allow", "Deny"]),
    );
  return undefined;
}

export function validateStatement(
  node: JNode,
  pointer: string,
  index: number,
  sids: Set<string>,
  f: Findings,
): StatementIR | undefined {
  const obj = expectObject(node, pointer, "A statement", f);
  if (!obj) return undefined;
  checkFields(obj, pointer, STATEMENT_FIELDS, "a statement", f);
  let sid: string | undefined;
  const sidMember = member(obj, "Sid");
  if (sidMember) {
    const p = child(pointer, "Sid");
    sid = expectString(sidMember.value, p, "`Sid`", f);
    if (sid === "")
      f.error("EmptyValue", p, "`Sid` cannot be empty; remove it or name the statement.");
    else if (sid !== undefined && sids.has(sid))
      f.error(
        "DuplicateSid",
        p,
        `Another statement already has the Sid \`${sid}\`; Sids are unique within a policy.`,
      );
    if (sid !== undefined) sids.add(sid);
  }
  const eff = effect(obj, pointer, f);
  const actions = pair(obj, pointer, "Action", compileAction, f);
  const resources = pair(obj, pointer, "Resource", compileResource, f);
  const cond = member(obj, "Condition");
  const conditions = cond ? validateCondition(cond.value, child(pointer, "Condition"), f) : [];
  if (!eff || !actions || !resources || !conditions) return undefined;
  return {
    index,
    pointer,
    sid: sid || undefined,
    effect: eff,
    notAction: actions.negated,
    actions: actions.items,
    notResource: resources.negated,
    resources: resources.items,
    conditions,
  };
}
