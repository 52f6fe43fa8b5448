/** Whether one statement applies to a request: action, resource, then every condition. */

import type { ConditionMemo } from "../compile/memo.js";
import type { CompiledStatement } from "../compile/types.js";
import type { ConditionIR, Located } from "../ir.js";
import type { ActionPattern } from "../match/action.js";
import { matchGlob } from "../match/glob.js";
import type { ResourcePattern } from "../resource/pattern.js";
import type { EvaluationError, EvaluationErrorCode } from "../types.js";
import { ERROR, evaluateCondition, FALSE, lastError, type TestResult, TRUE } from "./condition.js";
import type { RequestState } from "./state.js";
import { substitutePattern } from "./substitute.js";

export function actionMatches(cs: CompiledStatement, action: string): boolean {
  const st = cs.ir;
  let any = false;
  const actions = st.actions;
  for (let i = 0; i < actions.length; i++) {
    if (matchGlob((actions[i] as Located<ActionPattern>).pattern.glob, action)) {
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
  if (state.pathStart < 0) return p.isStar ? TRUE : FALSE; // the resource `*`
  if (p.glob !== undefined) return matchGlob(p.glob, resource) ? TRUE : FALSE;
  const sub = substitutePattern(state, p.tokens ?? []);
  if (!sub.ok) {
    lastError.code = "MissingVariable";
    lastError.message = `the variable \${${sub.variable}} is absent, empty or not a single value`;
    return ERROR;
  }
  return matchGlob(sub.value, resource) ? TRUE : FALSE;
}

/**
 * TRUE, FALSE, or ERROR when some pattern's variable cannot be evaluated. Spec §8: the whole
 * Resource/NotResource part then errs (fails in an Allow, holds in a Deny), even if another
 * entry of the list matched, so an absent `${agent.id}` never lets a sibling pattern grant.
 */
export function resourceResult(cs: CompiledStatement, state: RequestState): TestResult {
  const st = cs.ir;
  let anyTrue = false;
  let anyError = false;
  const resources = st.resources;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i] as Located<ResourcePattern>;
    const res = patternResult(r.pattern, state);
    if (res === TRUE) {
      anyTrue = true;
      if (!cs.resourceTemplates) break;
    } else if (res === ERROR) {
      anyError = true;
      recordError(cs, r.pointer, state);
    }
  }
  if (anyError) return ERROR;
  if (anyTrue) return st.notResource ? FALSE : TRUE;
  return st.notResource ? TRUE : FALSE;
}

/** Every test must hold; an error holds in a Deny and fails in an Allow (fail closed). */
export function conditionsHold(cs: CompiledStatement, state: RequestState): boolean {
  let all = true;
  const conditions = cs.ir.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i] as ConditionIR;
    const r = state.memo
      ? memoized(c, cs.conditionSlots[i] as number, cs.valueSlots[i] as number, state, state.memo)
      : evaluateCondition(c, state);
    if (r === TRUE) continue;
    if (r === ERROR) {
      recordError(cs, c.pointer, state);
      if (cs.deny) continue;
    }
    all = false;
  }
  return all;
}

export function memoized(
  c: ConditionIR,
  slot: number,
  valueSlot: number,
  state: RequestState,
  memo: ConditionMemo,
): TestResult {
  if (memo.stamps[slot] === state.stamp) {
    const r = memo.results[slot] as TestResult;
    if (r === ERROR) {
      lastError.code = memo.codes[slot] as EvaluationErrorCode;
      lastError.message = memo.messages[slot] as string;
    }
    return r;
  }
  const r = evaluateCondition(c, state, valueSlot);
  memo.stamps[slot] = state.stamp;
  memo.results[slot] = r;
  if (r === ERROR) {
    memo.codes[slot] = lastError.code;
    memo.messages[slot] = lastError.message;
  }
  return r;
}

/**
 * The plain reading (scan): every part checked, no compile-time shortcut such as anyResource, so
 * the property tests hold the shortcuts to it.
 */
export function appliesPlainly(cs: CompiledStatement, state: RequestState): boolean {
  const r = resourceResult(cs, state);
  if (r === FALSE || (r === ERROR && !cs.deny)) return false;
  return conditionsHold(cs, state);
}

/** Action assumed to match: does the rest of the statement apply? (anyResource: no resource test) */
export function appliesAfterAction(cs: CompiledStatement, state: RequestState): boolean {
  return cs.anyResource ? conditionsHold(cs, state) : appliesPlainly(cs, state);
}
