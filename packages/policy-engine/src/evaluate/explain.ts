/** With { explain: true }: why each statement of every policy did or did not match. */
import type { CompiledPolicySet } from "../compile/compile.js";
import type { CompiledStatement } from "../compile/types.js";
import type { ConditionExplanation, StatementExplanation } from "../types.js";
import { ERROR, evaluateCondition, requestValue, TRUE } from "./condition.js";
import type { RequestState } from "./state.js";
import { actionMatches, resourceResult } from "./statement.js";

function conditionsOf(cs: CompiledStatement, state: RequestState): ConditionExplanation[] {
  return cs.ir.conditions.map((c) => {
    const r = evaluateCondition(c, state);
    const out: ConditionExplanation = {
      pointer: c.pointer,
      operator: c.operator,
      key: c.key,
      result: r === TRUE ? "true" : r === ERROR ? "error" : "false",
    };
    const value = requestValue(c, state);
    if (value !== undefined) out.value = value;
    return out;
  });
}

function summary(e: StatementExplanation): string {
  if (!e.action) return "The action does not match.";
  if (e.resource === false) return "The resource does not match.";
  const failed = e.conditions.filter((c) => c.result === "false");
  const errored = e.conditions.filter((c) => c.result === "error");
  const resourceError = e.resource === "error";
  if (e.matched) {
    return errored.length > 0 || resourceError
      ? "It applies: a Deny holds where a value could not be evaluated (fail closed)."
      : "It applies.";
  }
  if (resourceError)
    return "A resource variable could not be evaluated; an Allow never applies then.";
  const first = failed[0] ?? errored[0];
  if (!first) return "It does not apply.";
  const verb = first.result === "error" ? "could not be evaluated" : "does not hold";
  return `The condition ${first.operator} on \`${first.key}\` ${verb}.`;
}

function explainOne(
  cs: CompiledStatement,
  action: string,
  state: RequestState,
): StatementExplanation {
  const action_ = actionMatches(cs, action);
  const r = action_ ? resourceResult(cs, state) : 0;
  const resource = r === TRUE ? true : r === ERROR ? "error" : false;
  const conditions = action_ && resource !== false ? conditionsOf(cs, state) : [];
  const condOk = conditions.every((c) => c.result === "true" || (c.result === "error" && cs.deny));
  const resOk = resource === true || (resource === "error" && cs.deny);
  const e: StatementExplanation = {
    policyId: cs.policyId,
    sid: cs.ir.sid,
    statement: cs.ir.index,
    effect: cs.ir.effect,
    matched: action_ && resOk && condOk,
    action: action_,
    resource,
    conditions,
    summary: "",
  };
  e.summary = summary(e);
  return e;
}

export function explainAll(
  set: CompiledPolicySet,
  action: string,
  state: RequestState,
): StatementExplanation[] {
  // A private state: explaining must not add errors to the decision twice.
  const own: RequestState = { ...state, errors: undefined, memo: undefined };
  return set.statements.map((cs) => explainOne(cs, action, own));
}
