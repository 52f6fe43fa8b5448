/**
 * Candidate statements for one request, split by effect: from the plan's index lists (plain
 * entries one by one, then threshold, shared-condition and filter groups), or, for the plain
 * reading the tests compare against, from every statement.
 */
import type { ActionPlan } from "../compile/action-plan.js";
import type { CompiledPolicySet } from "../compile/compile.js";
import type { FilterGroup, FilterMember } from "../compile/filter-group.js";
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
import type { RequestState } from "./state.js";
import { actionMatches, appliesAfterAction, memoized } from "./statement.js";

export interface Matches {
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
export function collect(
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
  const count = set.index.listsOf(plan.indexes, lists);
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
 * A threshold or shared-condition group: members whose one test holds apply, the others' test
 * is FALSE, which records nothing and applies nothing. When the test errs (or the request value
 * is not a clean number), the members that could be affected are considered in full instead.
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
