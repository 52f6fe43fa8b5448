/**
 * Candidate statements by resource. A pattern's literal prefix, cut back to its last `/`, is a key
 * (exact patterns too); a request looks up its own `/`-ended prefixes at the depths some key has,
 * so only statements whose patterns could match are visited. Keys are hashes computed while
 * scanning the request once (no substring is allocated); a collision only adds a candidate.
 */

import { type ConditionIR, NO_QUANTIFIER } from "../ir.js";
import { hashTo, MAX_KEY_DEPTH, type ResourceKeys } from "../resource/prefix-keys.js";
import { type FilterGroup, filterGroups } from "./filter-group.js";
import { fnv } from "./hash.js";
import { IntTable } from "./int-table.js";
import { singleThreshold } from "./thresholds.js";
import type { CompiledStatement } from "./types.js";

export interface Entry {
  st: CompiledStatement;
  /** the action still has to be checked (wildcard or NotAction entries) */
  checkAction: boolean;
}

export { GE, GT, LE, LT } from "./thresholds.js";
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

/** Smaller groups are not worth a search. */
const MIN_GROUP = 4;

/**
 * The group an entry can join, or undefined. Skipping it when its one test is FALSE must change
 * nothing: no resource check (which could record an error) and no other condition (which could).
 * A threshold group also needs no IfExists, no quantifier, no negation, one static finite
 * threshold; any other lone condition joins the SAME group of its memo slot.
 */
function groupKey(e: Entry): { key: string; kind: number; threshold: number } | undefined {
  const cs = e.st;
  if (!cs.anyResource || cs.ir.conditions.length !== 1) return undefined;
  const c = cs.ir.conditions[0] as ConditionIR;
  const same = { key: `${SAME}\u0000${cs.conditionSlots[0] as number}`, kind: SAME, threshold: 0 };
  if (c.def === "Null" || c.ifExists || c.quantifier !== NO_QUANTIFIER) return same;
  const t = singleThreshold(c.def, c.staticValues);
  return t === undefined
    ? same
    : { key: `${t.kind}\u0000${cs.valueSlots[0] as number}`, kind: t.kind, threshold: t.threshold };
}

/** Reorders a list into plain entries and threshold groups (see EntryList). */
export function groupList(list: EntryList): void {
  const byKey = new Map<string, Array<{ e: Entry; kind: number; threshold: number }>>();
  for (const e of list) {
    const g = groupKey(e);
    if (g === undefined) continue;
    let members = byKey.get(g.key);
    if (!members) {
      members = [];
      byKey.set(g.key, members);
    }
    members.push({ e, kind: g.kind, threshold: g.threshold });
  }
  const grouped = new Set<Entry>();
  const groups: ThresholdGroup[] = [];
  for (const members of byKey.values()) {
    if (members.length < MIN_GROUP) continue;
    members.sort((a, b) => a.threshold - b.threshold);
    const first = members[0] as { e: Entry; kind: number };
    groups.push({
      kind: first.kind,
      cond: first.e.st.ir.conditions[0] as ConditionIR,
      slot: first.e.st.conditionSlots[0] as number,
      valueSlot: first.e.st.valueSlots[0] as number,
      thresholds: Float64Array.from(members, (m) => m.threshold),
      entries: members.map((m) => m.e),
    });
    for (const m of members) grouped.add(m.e);
  }
  const filters = filterGroups(list.filter((e) => !grouped.has(e)));
  if (groups.length === 0 && filters.groups.length === 0) return; // plain lists keep their shape
  for (const e of filters.grouped) grouped.add(e);
  // In place, by index: a list may be too long to spread into push().
  const plain = list.filter((e) => !grouped.has(e));
  let n = 0;
  for (const e of plain) list[n++] = e;
  for (const g of groups) for (const e of g.entries) list[n++] = e;
  for (const g of filters.groups) for (const m of g.members) list[n++] = m.entry;
  list.plain = plain.length;
  list.groups = groups;
  list.filters = filters.groups;
}

/** The key of a literal prefix: its hash up to its last `/` and how many `/` that holds. */
function keyOf(prefix: string): { hash: number; depth: number } | undefined {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < prefix.length && depth < MAX_KEY_DEPTH; i++) {
    if (prefix.charCodeAt(i) === 47) {
      cut = i;
      depth++;
    }
  }
  return cut < 0 ? undefined : { hash: fnv(prefix, 0, cut + 1), depth };
}

export class ResourceIndex {
  /** every entry added, once (for merged copies, see ActionIndex.planIndexes) */
  readonly entries: Entry[] = [];
  private readonly root: EntryList = [];
  private readonly byKey = new IntTable<EntryList>();
  /** bit d set: some key has depth d */
  private depths = 0;
  size = 0;

  /** The deepest key in this index (0: none). */
  get maxDepth(): number {
    return this.depths === 0 ? 0 : 31 - Math.clz32(this.depths);
  }

  add(e: Entry): void {
    this.size++;
    this.entries.push(e);
    const ir = e.st.ir;
    if (ir.notResource) {
      this.root.push(e);
      return;
    }
    const keys = new Set<number>();
    let root = false;
    for (const r of ir.resources) {
      const p = r.pattern;
      // A pattern with a variable may fail to evaluate, and then a Deny holds whatever the
      // resource (spec §8): it must be visited for every resource.
      const key = p.isStar || p.tokens !== undefined ? undefined : keyOf(p.prefix);
      if (!key) root = true;
      else {
        keys.add(key.hash);
        this.depths |= 1 << key.depth;
      }
    }
    if (root) this.root.push(e);
    for (const k of keys) {
      const list = this.byKey.get(k);
      if (list) list.push(e);
      else this.byKey.set(k, [e]);
    }
  }

  /** Call once all entries are in: builds the threshold groups. */
  seal(): void {
    groupList(this.root);
    for (const [, list] of this.byKey.entries()) groupList(list);
  }

  /**
   * Writes the lists of entries that could match into out[n], out[n+1], … and returns the new
   * count (an entry may repeat across lists). Nothing is allocated or resized.
   */
  lists(keys: ResourceKeys, out: Entry[][], n: number): number {
    if (this.root.length > 0) out[n++] = this.root;
    if (this.depths === 0) return n;
    const deepest = this.maxDepth;
    if (keys.count < deepest) hashTo(keys, deepest);
    const count = Math.min(keys.count, deepest);
    for (let d = 1; d <= count; d++) {
      if ((this.depths & (1 << d)) === 0) continue;
      const list = this.byKey.get(keys.prefixes[d - 1] as number);
      if (list) out[n++] = list;
    }
    return n;
  }
}
