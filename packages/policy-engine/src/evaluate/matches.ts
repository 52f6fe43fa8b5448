/**
 * The statements that apply to one request, split by effect, and the ways a candidate gets in:
 * considered in full, or (a group member whose tests are known to hold) without evaluation.
 */

import type { Entry } from "../compile/table.js";
import type { CompiledStatement } from "../compile/types.js";
import type { RequestState } from "./state.js";
import { actionMatches, appliesAfterAction, appliesPlainly } from "./statement.js";

export interface Matches {
  denies: CompiledStatement[] | undefined;
  allows: CompiledStatement[] | undefined;
}

/** Adds the statement to the matches if it applies; each statement is looked at once per request. */
export function consider(
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
  if (!(stamp < 0 ? appliesPlainly(st, state) : appliesAfterAction(st, state))) return;
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

/**
 * A group member whose every test is known to hold (its only test, on `Resource: *`): it
 * applies, once its action is checked where the list needs it.
 */
export function holding(
  m: Matches,
  e: Entry,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  const st = e.st;
  if (e.checkAction) consider(m, st, true, stamp, action, state);
  else if (st.stamp !== stamp) {
    st.stamp = stamp;
    add(m, st);
  }
}
