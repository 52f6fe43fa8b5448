/**
 * evaluate(): one request against a compiled set (spec §5). Only candidate statements from the
 * index are visited; the decision is data, never an exception.
 */

import { type ActionPlan, type Approval, MAX_PLANS } from "../compile/action-plan.js";
import type { CompiledPolicySet } from "../compile/compile.js";
import type { FilterGroup, FilterMember } from "../compile/filter-group.js";
import { mergeApproval } from "../compile/merge.js";
import {
  type Entry,
  type EntryList,
  GE,
  GT,
  LE,
  LT,
  SAME,
  type ThresholdGroup,
} from "../compile/resource-index.js";
import type { CompiledStatement } from "../compile/types.js";
import type { OperatorDef } from "../conditions/operator.js";
import type { ConditionIR } from "../ir.js";
import { canonicalAction } from "../match/action.js";
import { canonicalizeResource } from "../resource/canonical.js";
import type {
  Decision,
  DecisionKind,
  DecisionRequest,
  EngineReason,
  EvaluateOptions,
  EvaluationError,
  MatchedStatement,
} from "../types.js";
import {
  ABSENT,
  BAD,
  comparedValue,
  ERROR,
  evaluateCondition,
  FALSE,
  holdsFor,
  readValue,
  type TestResult,
  TRUE,
} from "./condition.js";
import { explainAll } from "./explain.js";
import { asContext, type RequestState, toEpochMs } from "./state.js";
import { actionMatches, appliesAfterAction, memoized } from "./statement.js";

/** Shared, frozen empty lists: most decisions have no errors, many no matched statement. */
const NONE_MATCHED: MatchedStatement[] = Object.freeze([]) as unknown as MatchedStatement[];
const NO_ERRORS: EvaluationError[] = Object.freeze([]) as unknown as EvaluationError[];

function base(set: CompiledPolicySet, decision: DecisionKind, reason: EngineReason): Decision {
  return {
    decision,
    reason,
    matched: NONE_MATCHED,
    errors: NO_ERRORS,
    limits: set.limits,
    audit: set.audit,
  };
}

function describeInput(v: unknown): string {
  if (typeof v !== "string") return v === undefined ? "missing" : `not a string (${typeof v})`;
  return JSON.stringify(v.length > 100 ? `${v.slice(0, 100)}…` : v);
}

/**
 * Document order. Short lists (nearly all) by insertion sort, which allocates nothing; Array#sort
 * allocated a work array per decision.
 */
function matchedOf(list: CompiledStatement[]): MatchedStatement[] {
  const out = new Array<MatchedStatement>(list.length);
  if (list.length > 32) list.sort((a, b) => a.ordinal - b.ordinal);
  else sortShort(list);
  for (let i = 0; i < list.length; i++) out[i] = (list[i] as CompiledStatement).matched;
  return out;
}

function sortShort(list: CompiledStatement[]): void {
  for (let i = 1; i < list.length; i++) {
    const st = list[i] as CompiledStatement;
    let j = i;
    for (; j > 0 && (list[j - 1] as CompiledStatement).ordinal > st.ordinal; j--)
      list[j] = list[j - 1] as CompiledStatement;
    list[j] = st;
  }
}

interface Matches {
  denies: CompiledStatement[] | undefined;
  allows: CompiledStatement[] | undefined;
}

/** Adds the statement to the matches if it applies; each statement is looked at once per request. */
function consider(
  m: Matches,
  st: CompiledStatement,
  checkAction: boolean,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  // The scan visits each statement once and passes stamp -1: no shared state is touched.
  if (stamp >= 0) {
    if (st.stamp === stamp) return;
    st.stamp = stamp;
  }
  if (checkAction && !actionMatches(st, action)) return;
  if (!appliesAfterAction(st, state)) return;
  add(m, st);
}

function add(m: Matches, st: CompiledStatement): void {
  // A literal for the first: `[]` then push() grew a backing store on every decision.
  if (st.deny) {
    if (m.denies === undefined) m.denies = [st];
    else m.denies.push(st);
  } else if (m.allows === undefined) m.allows = [st];
  else m.allows.push(st);
}

/** Matching statements, split by effect: from the index, or (scan) from every statement. */
function collect(
  set: CompiledPolicySet,
  plan: ActionPlan,
  state: RequestState,
  scan: boolean,
): Matches {
  const stamp = state.stamp;
  const action = plan.action;
  const m: Matches = { denies: undefined, allows: undefined };
  if (scan) {
    for (const st of set.statements) consider(m, st, true, -1, action, state);
    return m;
  }
  const lists = set.scratch;
  const count = set.index.listsOf(plan.indexes, state.resource, lists);
  for (let i = 0; i < count; i++) {
    const list = lists[i] as EntryList;
    const groups = list.groups;
    const plain = groups === undefined ? list.length : (list.plain as number);
    for (let j = 0; j < plain; j++) {
      const e = list[j] as Entry;
      consider(m, e.st, e.checkAction, stamp, action, state);
    }
    if (groups === undefined) continue;
    for (let g = 0; g < groups.length; g++)
      considerGroup(m, groups[g] as ThresholdGroup, stamp, action, state);
    const filters = list.filters as FilterGroup[];
    for (let g = 0; g < filters.length; g++)
      considerFilter(m, filters[g] as FilterGroup, stamp, action, state);
  }
  return m;
}

/**
 * A filter group (see filter-group.ts). Each member's tests are run on the request values read
 * once; a member whose values are not all clean is considered in full, which records its errors.
 */
function considerFilter(
  m: Matches,
  g: FilterGroup,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  const lead = readValue(g.cond, state, g.valueSlot);
  const members = g.members;
  for (let j = 0; j < members.length; j++) {
    const f = members[j] as FilterMember;
    const st = f.entry.st;
    const r = lead === BAD ? ERROR : testsHold(f, lead, state);
    if (r === ERROR) consider(m, st, f.entry.checkAction, stamp, action, state);
    else if (r === TRUE) holding(m, f.entry, stamp, action, state);
  }
}

/** TRUE when every test holds, FALSE when one fails, ERROR when a request value is not clean. */
function testsHold(f: FilterMember, lead: unknown, state: RequestState): TestResult {
  let all =
    lead === ABSENT
      ? f.absentHolds[0]
      : holdsFor(f.defs[0] as OperatorDef, lead, f.values[0] as unknown[]);
  const conds = f.conds;
  for (let i = 1; i < conds.length; i++) {
    const v = readValue(conds[i] as ConditionIR, state, f.slots[i] as number);
    if (v === BAD) return ERROR;
    if (!all) continue; // still read: a later value may be unclean
    all =
      v === ABSENT
        ? f.absentHolds[i]
        : holdsFor(f.defs[i] as OperatorDef, v, f.values[i] as unknown[]);
  }
  return all ? TRUE : FALSE;
}

/** First index whose threshold is >= x (strict: > x). */
function bound(t: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = t[mid] as number;
    if (strict ? p <= x : p < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A threshold group: only members whose comparison can hold are considered (in full); the
 * others' one test is FALSE, which records nothing and applies nothing.
 */
function considerGroup(
  m: Matches,
  g: ThresholdGroup,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  if (g.kind === SAME) {
    const memo = state.memo;
    const r = memo
      ? memoized(g.cond, g.slot, g.valueSlot, state, memo)
      : evaluateCondition(g.cond, state);
    if (r === FALSE) return; // every member's one test is FALSE
    for (let j = 0; j < g.entries.length; j++) {
      const e = g.entries[j] as Entry;
      if (r === TRUE) holding(m, e, stamp, action, state);
      else consider(m, e.st, e.checkAction, stamp, action, state); // an error to record
    }
    return;
  }
  const x = comparedValue(g.cond, state, g.valueSlot);
  if (x === null) return; // absent: every member's test is FALSE
  const entries = g.entries;
  let from = 0;
  let to = entries.length;
  if (x !== undefined) {
    const kind = g.kind;
    if (kind === LT) from = bound(g.thresholds, x, true);
    else if (kind === LE) from = bound(g.thresholds, x, false);
    else if (kind === GT) to = bound(g.thresholds, x, false);
    else if (kind === GE) to = bound(g.thresholds, x, true);
  }
  for (let j = from; j < to; j++) {
    const e = entries[j] as Entry;
    // With a clean number, the search found exactly the members whose test holds.
    if (x !== undefined) holding(m, e, stamp, action, state);
    else consider(m, e.st, e.checkAction, stamp, action, state);
  }
}

/**
 * A group member whose every test is known to hold (its only test, on `Resource: *`): it
 * applies, once its action is checked where the list needs it.
 */
function holding(m: Matches, e: Entry, stamp: number, action: string, state: RequestState): void {
  const st = e.st;
  if (e.checkAction) consider(m, st, true, stamp, action, state);
  else if (st.stamp !== stamp) {
    st.stamp = stamp;
    add(m, st);
  }
}

/** The merged rule and entries for an action, computed once per action and shared (frozen). */
function approvalFor(set: CompiledPolicySet, action: string): Approval | null {
  const cached = set.approvalCache.get(action);
  if (cached !== undefined) return cached;
  const refs = set.approvals.match(action);
  let approval: Approval | null = null;
  if (refs) {
    const entries = refs.map((r) =>
      Object.freeze(
        r.policyId === undefined
          ? { pointer: r.pointer }
          : { policyId: r.policyId, pointer: r.pointer },
      ),
    );
    const merged = mergeApproval([...new Set(refs.map((r) => r.rule))]);
    Object.freeze(merged.channels);
    approval = Object.freeze({ ...merged, entries: Object.freeze(entries) as Approval["entries"] });
  }
  // Bounded: callers choose the action strings, so an unbounded cache would be theirs to grow.
  if (set.approvalCache.size < MAX_CACHED_ACTIONS) set.approvalCache.set(action, approval);
  return approval;
}

const MAX_CACHED_ACTIONS = 4096;

function approvalDecision(set: CompiledPolicySet, plan: ActionPlan): Decision | undefined {
  if (plan.approval === null) return undefined;
  const d = base(set, "RequireApproval", "ApprovalRequired");
  d.approval = plan.approval;
  return d;
}

/** The plain reading: the action canonicalised afresh, no index, nothing kept. */
function plainPlan(set: CompiledPolicySet, raw: unknown): ActionPlan | undefined {
  const action = canonicalAction(raw);
  return action === undefined
    ? undefined
    : { action, indexes: [], approval: approvalFor(set, action) };
}

/** The action's plan, kept per set by the text as requested (see action-plan.ts). */
function planOf(set: CompiledPolicySet, raw: unknown): ActionPlan | undefined {
  const known = set.plans.get(raw as string);
  if (known !== undefined) return known;
  const action = canonicalAction(raw);
  if (action === undefined) return undefined;
  let plan = set.plans.get(action);
  if (plan === undefined) {
    // Only a plan that is kept gets a merged index: building one per request would cost more.
    const kept = set.plans.size < MAX_PLANS;
    const indexes = kept
      ? set.index.planIndexes(action, (st) => actionMatches(st, action))
      : set.index.indexesOf(action);
    plan = { action, indexes, approval: approvalFor(set, action) };
    if (kept) set.plans.set(action, plan);
  }
  // canonicalAction accepted it, so `raw` is a string spelling of `action`.
  if (set.plans.size < MAX_PLANS) set.plans.set(raw as string, plan);
  return plan;
}

/**
 * A new stamp for a request. Stamps stay small integers; when they wrap, every stored stamp is
 * reset, so a statement last seen 2^30 requests ago can never pass for one seen in this request.
 */
function nextStamp(set: CompiledPolicySet): number {
  set.stamp = (set.stamp + 1) & 0x3fffffff;
  if (set.stamp === 0) {
    for (const st of set.statements) st.stamp = -1;
    set.memo?.stamps.fill(-1);
  }
  return set.stamp;
}

/**
 * The shared core. `scan` visits every statement instead of the index and `memo: false`
 * evaluates every condition afresh: tests hold the fast path to that plain reading.
 */
export function evaluateWith(
  set: CompiledPolicySet,
  request: DecisionRequest,
  options: EvaluateOptions | undefined,
  scan: boolean,
  memo = true,
): Decision {
  const req = (request ?? {}) as Partial<DecisionRequest>;
  const rawAction = req.action;
  const plan = scan ? plainPlan(set, rawAction) : planOf(set, rawAction);
  if (plan === undefined) {
    const d = base(set, "Deny", "InvalidAction");
    d.message = `The action ${describeInput(rawAction)} is not \`service:action[:sub]\` in ASCII letters, digits, \`_\`, \`.\` or \`-\`.`;
    return d;
  }
  const canon = typeof req.resource === "string" ? canonicalizeResource(req.resource) : undefined;
  if (!canon?.ok) {
    const d = base(set, "Deny", "InvalidResource");
    d.message = `The resource ${describeInput(req.resource)} is invalid: ${canon ? canon.message : "it must be a string"}.`;
    return d;
  }
  const state: RequestState = {
    context: asContext(req.context),
    resource: canon.value,
    // Only `*` is one character long (a URI has at least `s:`): no string compare per request.
    pathStart: canon.value.length === 1 ? -1 : canon.pathStart,
    pathEnd: canon.pathEnd,
    resourcePath: undefined,
    now: toEpochMs(options?.now),
    nowText: undefined,
    memo: memo ? set.memo : undefined,
    stamp: nextStamp(set),
    errors: undefined,
  };
  const action = plan.action;
  let { denies, allows } = collect(set, plan, state, scan);
  if (set.stamp !== state.stamp && !scan) {
    // A getter in the context called evaluate() on this set while we were collecting: the
    // shared stamps, memo and candidate lists were overwritten. Decide again without them.
    state.memo = undefined;
    state.errors = undefined;
    ({ denies, allows } = collect(set, plan, state, true));
  }
  let d: Decision;
  if (denies) {
    d = base(set, "Deny", "ExplicitDeny");
    d.matched = matchedOf(denies);
  } else {
    d =
      approvalDecision(set, plan) ??
      base(set, allows ? "Allow" : "Deny", allows ? "ExplicitAllow" : "ImplicitDeny");
    if (allows && d.decision === "Allow") d.matched = matchedOf(allows);
  }
  if (state.errors) {
    // Index order differs from document order; the decision lists errors in document order.
    d.errors = state.errors.sort((a, b) => a.ordinal - b.ordinal).map((x) => x.error);
  }
  if (options?.explain) d.explanation = explainAll(set, action, state);
  return d;
}

/** Decides one request. Never throws for any input: bad input is a Deny with its reason. */
export function evaluate(
  set: CompiledPolicySet,
  request: DecisionRequest,
  options?: EvaluateOptions,
): Decision {
  try {
    return evaluateWith(set, request, options, false);
  } catch (e) {
    // Only exotic input from a caller in the same runtime gets here (a request or context whose getters or proxies
    // throw where the engine cannot isolate it): fail closed, as data.
    const d = base(set, "Deny", "ImplicitDeny");
    d.message = `The request could not be evaluated (${e instanceof Error ? e.message : String(e)}), so it is denied.`;
    return d;
  }
}
