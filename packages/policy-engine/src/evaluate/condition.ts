/**
 * One condition test against a request (spec §4, §8). Results are TRUE, FALSE or ERROR; the
 * statement decides what an error means for its effect (fail closed).
 */

import { type ConditionMemo, NOT_READ } from "../compile/memo.js";
import type { OperatorDef } from "../conditions/operator.js";
import { type ConditionIR, FOR_ALL, NO_QUANTIFIER } from "../ir.js";
import type { EvaluationErrorCode } from "../types.js";
import { lookup, type RequestState, UNREADABLE } from "./state.js";
import { substituteGlob, substituteText } from "./substitute.js";

export const FALSE = 0;
export const TRUE = 1;
export const ERROR = 2;
export type TestResult = 0 | 1 | 2;

/** The last error's details; read right after a test returned ERROR. */
export const lastError: { code: EvaluationErrorCode; message: string } = {
  code: "UnreadableValue",
  message: "",
};

function error(code: EvaluationErrorCode, message: string): TestResult {
  lastError.code = code;
  lastError.message = message;
  return ERROR;
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return String(v);
}

/** The policy values for this request: read once at write time, or substituted now. */
function policyValues(
  c: ConditionIR,
  def: OperatorDef,
  state: RequestState,
): unknown[] | TestResult {
  if (c.staticValues !== null) return c.staticValues;
  const out: unknown[] = [];
  for (const v of c.values) {
    if (!v.template) {
      out.push(v.value);
      continue;
    }
    const sub = def.wildcards ? substituteGlob(state, v.pieces) : substituteText(state, v.pieces);
    if (!sub.ok)
      return error(
        "MissingVariable",
        `the variable \${${sub.variable}} is absent, empty or not a single value`,
      );
    if (def.wildcards) {
      out.push(sub.value);
      continue;
    }
    const read = def.policyValue(sub.value as string);
    if (!read.ok)
      return error(
        "UnreadableValue",
        `after substitution, ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)}`,
      );
    out.push(read.value);
  }
  return out;
}

// Indexed loops on the hot path: a `for…of` over these arrays (whose element kinds vary from
// condition to condition) ran V8's generic iterator and allocated a result object per step.
/** Whether a read request value passes a test (negation included) against the policy's values. */
export function holdsFor(def: OperatorDef, request: unknown, values: unknown[]): boolean {
  let any = false;
  for (let i = 0; i < values.length; i++) {
    if (def.test(request, values[i])) {
      any = true;
      break;
    }
  }
  return def.negated ? !any : any;
}

function quantified(
  c: ConditionIR,
  def: OperatorDef,
  list: readonly unknown[],
  values: unknown[],
): TestResult {
  const read: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const r = e === null ? undefined : def.read(e);
    if (r === undefined)
      return error(
        "UnreadableValue",
        `\`${c.key}\` holds ${describe(e)}, which ${def.name} cannot read`,
      );
    read.push(r);
  }
  if (c.quantifier === FOR_ALL) {
    for (let i = 0; i < read.length; i++) if (!holdsFor(def, read[i], values)) return FALSE;
    return TRUE;
  }
  for (let i = 0; i < read.length; i++) if (holdsFor(def, read[i], values)) return TRUE;
  return FALSE;
}

/**
 * The request's value for a condition's key, looked up once per decision and value slot when
 * there is a memo (every condition on the same key and reader shares the slot).
 */
function rawValue(
  c: ConditionIR,
  state: RequestState,
  memo: ConditionMemo | undefined,
  valueSlot: number,
): unknown {
  if (memo === undefined) return lookup(state, c.key, c.path);
  if (memo.valueStamps[valueSlot] === state.stamp) return memo.raw[valueSlot];
  const v = lookup(state, c.key, c.path);
  memo.valueStamps[valueSlot] = state.stamp;
  memo.raw[valueSlot] = v;
  memo.read[valueSlot] = NOT_READ;
  return v;
}

/** A present, single raw value as the operator family reads it (undefined: unreadable). */
function typedValue(
  def: OperatorDef,
  v: unknown,
  memo: ConditionMemo | undefined,
  valueSlot: number,
): unknown {
  if (memo === undefined) return def.read(v);
  let r = memo.read[valueSlot];
  if (r === NOT_READ) {
    r = def.read(v);
    memo.read[valueSlot] = r;
  }
  return r;
}

/**
 * One test. With a memo and a value slot (the fast path), the request value is looked up and
 * read once per decision for every condition on the same key and reader.
 */
export function evaluateCondition(c: ConditionIR, state: RequestState, valueSlot = -1): TestResult {
  const def = c.def;
  // typeof, not `=== "Null"`: comparing an object with a string called a builtin per test.
  const values = typeof def === "string" ? null : policyValues(c, def, state);
  // Spec §8: a variable that cannot be evaluated is the test's error whatever the request holds,
  // so it comes before the absent-key results (a negated or IfExists test would otherwise hold).
  if (typeof values === "number") return values;
  const memo = valueSlot >= 0 ? state.memo : undefined;
  const v = rawValue(c, state, memo, valueSlot);
  if (v === UNREADABLE)
    return error("UnreadableValue", `reading \`${c.key}\` from the context failed`);
  const absent = v === undefined || v === null;
  if (typeof def === "string") return absent === c.nullExpect ? TRUE : FALSE;
  if (absent) {
    if (c.ifExists) return TRUE;
    if (c.quantifier !== NO_QUANTIFIER) return FALSE;
    return def.negated ? TRUE : FALSE;
  }
  if (Array.isArray(v)) {
    if (c.quantifier === NO_QUANTIFIER)
      return error(
        "UnexpectedList",
        `\`${c.key}\` holds a list; use ForAnyValue: or ForAllValues: to test lists`,
      );
    return quantified(c, def, v, values as unknown[]);
  }
  if (c.quantifier !== NO_QUANTIFIER) return quantified(c, def, [v], values as unknown[]);
  const r = typedValue(def, v, memo, valueSlot);
  if (r === undefined)
    return error(
      "UnreadableValue",
      `\`${c.key}\` holds ${describe(v)}, which ${def.name} cannot read as a ${def.family} value`,
    );
  return holdsFor(def, r, values as unknown[]) ? TRUE : FALSE;
}

/** readValue(): the request value is absent (a test then has its absent result, never an error). */
export const ABSENT: unique symbol = Symbol("absent");
/** readValue(): every test without a quantifier of this value is an ERROR (unreadable, a list). */
export const BAD: unique symbol = Symbol("bad");

/**
 * The request value a test without a quantifier compares, read through the memo as
 * evaluateCondition reads it: the reader's value, ABSENT, or BAD.
 */
export function readValue(c: ConditionIR, state: RequestState, valueSlot: number): unknown {
  const memo = state.memo;
  const v = rawValue(c, state, memo, valueSlot);
  if (v === undefined || v === null) return ABSENT;
  if (v === UNREADABLE || Array.isArray(v)) return BAD;
  const r = typedValue(c.def as OperatorDef, v, memo, valueSlot);
  return r === undefined ? BAD : r;
}

/**
 * The number an ordered comparison reads (a threshold group's, see resource-index.ts): null when
 * absent (such a test is FALSE), undefined when the test would not simply compare (unreadable, a
 * list, not a finite number): then every member is evaluated in full.
 */
export function comparedValue(
  c: ConditionIR,
  state: RequestState,
  valueSlot: number,
): number | null | undefined {
  const r = readValue(c, state, valueSlot);
  if (r === ABSENT) return null;
  return typeof r === "number" && Number.isFinite(r) ? r : undefined;
}

/** The request value a test read, for explanations. */
export function requestValue(c: ConditionIR, state: RequestState): unknown {
  return lookup(state, c.key, c.path);
}
