/**
 * Visiting a filter group (see compile/filter-group.ts): each member's tests run on the request
 * values read once; with a lead index (compile/lead-index.ts), only the members whose lead can
 * hold, when every value the group reads is clean.
 */
import {
  type CidrLevel,
  type FilterGroup,
  type FilterMember,
  type LeadIndex,
  netKey,
} from "../compile/table.js";
import { holdingRange } from "../compile/thresholds.js";
import type { OperatorDef } from "../conditions/operator.js";
import type { ConditionIR } from "../ir.js";
import type { Address } from "../values/ip.js";
import {
  ABSENT,
  BAD,
  ERROR,
  FALSE,
  holdsFor,
  readValue,
  type TestResult,
  TRUE,
} from "./condition.js";
import { consider, holding, type Matches } from "./matches.js";
import type { RequestState } from "./state.js";

/**
 * A filter group. A member whose values are not all clean is considered in full, which records
 * its errors; with the group's lead index and clean values, members whose lead cannot hold are
 * skipped (their tests are FALSE and record nothing).
 */
export function considerFilter(
  m: Matches,
  g: FilterGroup,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  const lead = readValue(g.cond, state, g.valueSlot);
  const index = g.index;
  if (index !== undefined && lead !== BAD && clean(index, state)) {
    visitIndexed(m, index, lead, stamp, action, state);
    return;
  }
  visit(m, g.members, 0, g.members.length, lead, stamp, action, state);
}

/** Members [from, to) of a list, each tested over the group's values. */
function visit(
  m: Matches,
  members: readonly FilterMember[],
  from: number,
  to: number,
  lead: unknown,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  for (let j = from; j < to; j++) {
    const f = members[j] as FilterMember;
    const r = lead === BAD ? ERROR : testsHold(f, lead, state);
    if (r === ERROR) consider(m, f.entry.st, f.entry.checkAction, stamp, action, state);
    else if (r === TRUE) holding(m, f.entry, stamp, action, state);
  }
}

/** Whether every value the members read besides the lead reads clean (present or absent). */
function clean(index: LeadIndex, state: RequestState): boolean {
  const checks = index.checks;
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i] as { cond: ConditionIR; slot: number };
    if (readValue(c.cond, state, c.slot) === BAD) return false;
  }
  return true;
}

/**
 * The members whose lead can hold for a clean lead value. A member with two ranges that hold the
 * address is visited twice; holding() takes a statement once per request.
 */
function visitIndexed(
  m: Matches,
  index: LeadIndex,
  lead: unknown,
  stamp: number,
  action: string,
  state: RequestState,
): void {
  if (lead === ABSENT) {
    visit(m, index.absent, 0, index.absent.length, lead, stamp, action, state);
    return;
  }
  const equal = index.equal.get(lead);
  if (equal !== undefined) visit(m, equal, 0, equal.length, lead, stamp, action, state);
  const cidrs = index.cidrs;
  if (cidrs.length > 0 && (lead as Address).v === 4) {
    const n = (lead as Address & { v: 4 }).n;
    for (let i = 0; i < cidrs.length; i++) {
      const level = cidrs[i] as CidrLevel;
      const list = level.byNet.get(netKey(n, level.bits));
      if (list !== undefined) visit(m, list, 0, list.length, lead, stamp, action, state);
    }
  }
  const runs = index.runs;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as LeadIndex["runs"][number];
    // The group's reader gives these a number; anything else (defensively) visits them all.
    const [from, to] =
      typeof lead === "number"
        ? holdingRange(run.kind, run.thresholds, lead)
        : [0, run.members.length];
    visit(m, run.members, from, to, lead, stamp, action, state);
  }
  visit(m, index.others, 0, index.others.length, lead, stamp, action, state);
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
