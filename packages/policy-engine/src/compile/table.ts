/**
 * The runtime rule table that compile builds and evaluate reads (as Cerbos compiles policies
 * into a rule table): candidate lists of entries, their threshold and filter groups, and the
 * filter groups' lead indexes. Only shapes and the one lookup helper live here; building them is
 * group-list.ts, filter-group.ts and lead-index.ts, so builders and the evaluator depend on this
 * module and never on each other.
 */
import type { OperatorDef } from "../conditions/operator.js";
import type { ConditionIR } from "../ir.js";
import type { CompiledStatement } from "./types.js";

export interface Entry {
  st: CompiledStatement;
  /** the action still has to be checked (wildcard or NotAction entries) */
  checkAction: boolean;
}

/** Not a threshold group: every member's one test is the same condition (one memo slot). */
export const SAME = 4;

/**
 * Statements whose only test is one ordered comparison (NumericLessThan and kin) of the same
 * request value, sorted by threshold: a request binary-searches the run of entries that could
 * hold instead of testing each. Those entries are still evaluated in full. Kind SAME: statements
 * whose only test is one and the same condition, tested once for all.
 */
export interface ThresholdGroup {
  kind: number;
  /** a member's condition: the key and reader every member reads */
  cond: ConditionIR;
  /** SAME only: the condition's memo slot */
  slot: number;
  valueSlot: number;
  thresholds: Float64Array;
  entries: Entry[];
}

/**
 * A candidate list. With groups, the entries are reordered: the first `plain` are visited one by
 * one, the rest sit in `groups` (the order of visits never shows: decisions sort by ordinal).
 */
export type EntryList = Entry[] & {
  plain?: number;
  /** set together with `filters` (either may be empty) */
  groups?: ThresholdGroup[];
  filters?: FilterGroup[];
};

/** A member's tests, the lead first; each array holds one item per condition. */
export interface FilterMember {
  entry: Entry;
  conds: ConditionIR[];
  /** value slots, operators and static values (copies, next to the member's other data) */
  slots: number[];
  defs: OperatorDef[];
  values: unknown[][];
  /** each test's result when its request value is absent */
  absentHolds: boolean[];
}

/** Statements on `Resource: *` grouped by the request value of their lead condition (filter-group.ts). */
export interface FilterGroup {
  /** a member's lead condition: the key and reader every member's lead reads */
  cond: ConditionIR;
  valueSlot: number;
  members: FilterMember[];
  /** the members by what their lead holds for; undefined when too few can be indexed */
  index: LeadIndex | undefined;
}

/** Members whose lead holds for request values at one side of their thresholds (ascending). */
export interface ThresholdRun {
  kind: number;
  thresholds: Float64Array;
  members: FilterMember[];
}

/** IpAddress leads whose ranges are all IPv4, by the top `bits` bits of each range of that length. */
export interface CidrLevel {
  bits: number;
  byNet: Map<number, FilterMember[]>;
}

export interface LeadIndex {
  /** equality leads (`r === p` on typed values), under each of their values */
  equal: Map<unknown, FilterMember[]>;
  /** IPv4 range leads, one level per prefix length (an IPv6 request value matches none) */
  cidrs: CidrLevel[];
  /** one-value ordered comparisons, by kind */
  runs: ThresholdRun[];
  /** every other member: visited whatever the value */
  others: FilterMember[];
  /** the members whose lead holds when the value is absent (IfExists, negated) */
  absent: FilterMember[];
  /** one condition for each other value the members read: all must read clean */
  checks: Array<{ cond: ConditionIR; slot: number }>;
}

/** The key of an IPv4 address (or range's network) at a prefix length: its top `bits` bits. */
export function netKey(n: number, bits: number): number {
  return bits === 0 ? 0 : n >>> (32 - bits); // `>>> 32` would shift by nothing
}
