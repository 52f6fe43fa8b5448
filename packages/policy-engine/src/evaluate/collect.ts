/**
 * Candidate statements for one request, split by effect: from the plan's index lists (plain
 * entries one by one, then threshold, shared-condition and filter groups), or, for the plain
 * reading the tests compare against, from every statement.
 */
import type { ActionPlan } from "../compile/action-plan.js";
import type { CompiledPolicySet } from "../compile/compile.js";
import {
  type Entry,
  type EntryList,
  type FilterGroup,
  SAME,
  type ThresholdGroup,
} from "../compile/table.js";
import { holdingRange } from "../compile/thresholds.js";
import { comparedValue, evaluateCondition, FALSE, TRUE } from "./condition.js";
import { considerFilter } from "./filter.js";
import { consider, holding, type Matches } from "./matches.js";
import type { RequestState } from "./state.js";
import { memoized } from "./statement.js";

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
  if (x !== undefined) [from, to] = holdingRange(g.kind, g.thresholds, x);
  for (let j = from; j < to; j++) {
    const e = entries[j] as Entry;
    // With a clean number, the search found exactly the members whose test holds.
    if (x !== undefined) holding(m, e, stamp, action, state);
    else consider(m, e.st, e.checkAction, stamp, action, state);
  }
}
