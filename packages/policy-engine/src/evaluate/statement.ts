/** Whether one statement applies to a request: action, resource, then every condition. */
import type { CompiledStatement } from "../compile/types.js";
import { matchGlob } from "../match/glob.js";
import type { ResourcePattern } from "../resource/pattern.js";
import type { EvaluationError } from "../types.js";
import { ERROR, evaluateCondition, FALSE, lastError, type TestResult, TRUE } from "./condition.js";
import type { RequestState } from "./state.js";
import { substitutePattern } from "./substitute.js";

export function actionMatches(cs: CompiledStatement, action: string): boolean {
  const st = cs.ir;
  let any = false;
  for (const a of st.actions) {
    if (matchGlob(a.pattern.glob, action)) {
      any = true;
      break;
    }
  }
  return st.notAction ? !any : any;
}

export function recordError(cs: CompiledStatement, pointer: string, state: RequestState): void {
  state.errors ??= [];
  const error: EvaluationError = {
    statement: cs.ir.index,
    pointer,
    code: lastError.code,
    message: `${lastError.message}.`,
  };
  if (cs.policyId !== undefined) error.policyId = cs.policyId;
  if (cs.ir.sid !== undefined) error.sid = cs.ir.sid;
  state.errors.push({ ordinal: cs.ordinal, error });
}

function patternResult(p: ResourcePattern, state: RequestState): TestResult {
  const resource = state.resource;
  if (resource === "*") return p.isStar ? TRUE : FALSE;
  if (p.glob !== undefined) return matchGlob(p.glob, resource) ? TRUE : FALSE;
  const sub = substitutePattern(state, p.tokens ?? []);
  if (!sub.ok) {
    lastError.code = "MissingVariable";
    lastError.message = `the variable \${${sub.variable}} is absent, empty or not a single value`;
    return ERROR;
  }
  return matchGlob(sub.value, resource) ? TRUE : FALSE;
}

/** TRUE, FALSE, or ERROR when only an unevaluable pattern kept it from being decided. */
export function resourceResult(cs: CompiledStatement, state: RequestState): TestResult {
  const st = cs.ir;
  let anyTrue = false;
  let anyError = false;
  for (const r of st.resources) {
    const res = patternResult(r.pattern, state);
    if (res === TRUE) {
      anyTrue = true;
      if (!cs.resourceTemplates) break;
    } else if (res === ERROR) {
      anyError = true;
      recordError(cs, r.pointer, state);
    }
  }
  if (anyTrue) return st.notResource ? FALSE : TRUE;
  if (anyError) return ERROR;
  return st.notResource ? TRUE : FALSE;
}

/** Every test must hold; an error holds in a Deny and fails in an Allow (fail closed). */
export function conditionsHold(cs: CompiledStatement, state: RequestState): boolean {
  let all = true;
  for (const c of cs.ir.conditions) {
    const r = evaluateCondition(c, state);
    if (r === TRUE) continue;
    if (r === ERROR) {
      recordError(cs, c.pointer, state);
      if (cs.deny) continue;
    }
    all = false;
  }
  return all;
}

/** Action assumed to match: does the rest of the statement apply? */
export function appliesAfterAction(cs: CompiledStatement, state: RequestState): boolean {
  const r = resourceResult(cs, state);
  if (r === FALSE || (r === ERROR && !cs.deny)) return false;
  return conditionsHold(cs, state);
}
