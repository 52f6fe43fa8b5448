/** The Condition block of a statement: operators, keys and typed values checked at write time. */
import type { OperatorDef } from "../conditions/operator.js";
import { OPERATOR_NAMES, parseOperatorKey } from "../conditions/registry.js";
import type { Findings } from "../findings.js";
import { type ConditionIR, type ConditionValue, FOR_ALL, FOR_ANY, NO_QUANTIFIER } from "../ir.js";
import { child } from "../json/pointer.js";
import { describeKind, type JNode, type JObject } from "../json/tree.js";
import { parseTemplate } from "../template-string.js";
import { quote } from "../text.js";
import { readBool } from "../values/bool.js";
import { checkListSize, expectObject } from "./read.js";
import { didYouMean } from "./suggest.js";

type Scalar = string | number | boolean;

function scalars(
  node: JNode,
  pointer: string,
  key: string,
  f: Findings,
): Array<{ raw: Scalar; pointer: string }> | undefined {
  const one = (n: JNode, p: string) => {
    if (n.kind === "string" || n.kind === "number" || n.kind === "boolean")
      return { raw: n.value, pointer: p };
    f.error(
      "InvalidType",
      p,
      `A condition value must be a string, number or boolean, not ${describeKind(n)}.`,
    );
    return undefined;
  };
  if (node.kind !== "array") {
    const v = one(node, pointer);
    return v ? [v] : undefined;
  }
  if (!checkListSize(node.items.length, pointer, `The value list of ${quote(key)}`, f))
    return undefined;
  const out = node.items.map((n, i) => one(n, child(pointer, i)));
  return out.every((v) => v !== undefined)
    ? (out as Array<{ raw: Scalar; pointer: string }>)
    : undefined;
}

function checkKey(key: string, pointer: string, f: Findings): boolean {
  if (key === "") {
    f.error("InvalidConditionKey", pointer, "A condition key cannot be empty.", "key");
    return false;
  }
  if (key.split(".").includes("__proto__")) {
    f.error(
      "InvalidConditionKey",
      pointer,
      "`__proto__` can never be a context key, so this test could never see a value.",
      "key",
    );
    return false;
  }
  return true;
}

function typedValue(
  def: OperatorDef,
  raw: Scalar,
  pointer: string,
  f: Findings,
): ConditionValue | undefined {
  if (typeof raw === "string" && raw.includes("${")) {
    const t = parseTemplate(raw);
    if (!t.ok) {
      f.error("InvalidVariable", pointer, `${t.message}.`);
      return undefined;
    }
    return { template: true, pieces: t.pieces, pointer };
  }
  const r = def.policyValue(raw);
  if (r.ok) return { template: false, value: r.value };
  f.error("InvalidConditionValue", pointer, `${r.message}.`);
  return undefined;
}

function nullValues(
  values: Array<{ raw: Scalar; pointer: string }>,
  f: Findings,
): boolean | undefined {
  let expect: boolean | undefined;
  for (const v of values) {
    const b = readBool(v.raw);
    if (b === undefined)
      f.error(
        "InvalidConditionValue",
        v.pointer,
        "`Null` takes true (the key is absent) or false (it is present).",
      );
    else expect = b;
  }
  return values.length === 1 ? expect : undefined;
}

function conditionTest(
  operator: string,
  key: string,
  node: JNode,
  pointer: string,
  f: Findings,
): ConditionIR | undefined {
  const op = parseOperatorKey(operator);
  if (!op.ok) return undefined; // reported once per operator by the caller
  if (!checkKey(key, pointer, f)) return undefined;
  const values = scalars(node, pointer, key, f);
  if (!values) return undefined;
  const base: Shared = {
    pointer,
    operator,
    quantifier:
      op.quantifier === "ForAnyValue"
        ? FOR_ANY
        : op.quantifier === "ForAllValues"
          ? FOR_ALL
          : NO_QUANTIFIER,
    ifExists: op.ifExists,
    key,
    path: key.includes(".") ? key.split(".") : null,
    identity: JSON.stringify([operator, key, values.map((v) => v.raw)]),
  };
  if (op.def === "Null") {
    if (values.length > 1) {
      f.error("InvalidConditionValue", pointer, "`Null` takes a single true or false.");
      return undefined;
    }
    const expect = nullValues(values, f);
    return expect === undefined ? undefined : conditionIR(base, "Null", [], [], expect);
  }
  const def = op.def;
  const typed = values.map((v) => typedValue(def, v.raw, v.pointer, f));
  if (typed.some((v) => v === undefined)) return undefined;
  const read = typed as ConditionValue[];
  const staticValues = read.every((v) => !v.template)
    ? read.map((v) => (v.template ? undefined : v.value))
    : null;
  return conditionIR(base, def, read, staticValues, false);
}

type Shared = Omit<ConditionIR, "def" | "values" | "staticValues" | "nullExpect">;

/**
 * Every condition gets the same hidden class: the evaluator reads these fields for each
 * candidate. Built by object spread, V8 gave each condition a map of its own, so every read on
 * the hot path was a megamorphic lookup.
 */
function conditionIR(
  b: Shared,
  def: ConditionIR["def"],
  values: ConditionValue[],
  staticValues: unknown[] | null,
  nullExpect: boolean,
): ConditionIR {
  return {
    pointer: b.pointer,
    operator: b.operator,
    def,
    quantifier: b.quantifier,
    ifExists: b.ifExists,
    key: b.key,
    path: b.path,
    values,
    staticValues,
    identity: b.identity,
    nullExpect,
  };
}

export function validateCondition(
  node: JNode,
  pointer: string,
  f: Findings,
): ConditionIR[] | undefined {
  const obj = expectObject(node, pointer, "`Condition`", f);
  if (!obj) return undefined;
  if (obj.members.length === 0) {
    f.error("EmptyValue", pointer, "`Condition` is empty; remove it or add an operator.");
    return undefined;
  }
  const out: ConditionIR[] = [];
  let ok = true;
  for (const m of obj.members) {
    const opPointer = child(pointer, m.key);
    const op = parseOperatorKey(m.key);
    if (!op.ok) {
      ok = false;
      const hint = op.code === "UnknownOperator" ? didYouMean(op.base, OPERATOR_NAMES) : "";
      f.error(op.code, opPointer, `${op.message}${hint || "."}`, "key");
      continue;
    }
    const keys = expectObject(m.value, opPointer, `The \`${m.key}\` operator`, f);
    if (!keys) {
      ok = false;
      continue;
    }
    if (keys.members.length === 0) {
      ok = false;
      f.error("EmptyValue", opPointer, `\`${m.key}\` has no keys to test; remove it or add one.`);
    }
    for (const k of keys.members) {
      const test = conditionTest(m.key, k.key, k.value, child(opPointer, k.key), f);
      if (test) out.push(test);
      else ok = false;
    }
  }
  return ok ? out : undefined;
}

export type { JObject };
