/**
 * Reorders a candidate list into plain entries, threshold groups and filter groups (see
 * table.ts's EntryList), once, when an index is sealed.
 */
import { type ConditionIR, NO_QUANTIFIER } from "../ir.js";
import { filterGroups } from "./filter-group.js";
import { type Entry, type EntryList, SAME, type ThresholdGroup } from "./table.js";
import { singleThreshold } from "./thresholds.js";

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
