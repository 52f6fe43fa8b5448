/**
 * Filter groups: statements on `Resource: *` whose conditions each compare one request value
 * with static values, grouped by the request value of one condition (the lead). A request reads
 * that value once and tests each member over group-local data, without the full statement path:
 * a member whose tests all hold applies, one with a failing test does not. Whenever a request
 * value cannot be read cleanly (the test would record an error), the member is considered in
 * full instead, so the decision and its errors stay exactly the plain scan's. Big sets put
 * hundreds of such statements behind one action; this keeps their cost (and the cache lines
 * they touch) small.
 */
import type { OperatorDef } from "../conditions/operator.js";
import { type ConditionIR, NO_QUANTIFIER } from "../ir.js";
import { leadIndex } from "./lead-index.js";
import type { Entry, FilterGroup, FilterMember } from "./table.js";

/** Smaller groups are not worth the detour. */
const MIN_FILTER = 4;

/** Whether a condition's only possible errors come from its request value (no template, no list). */
function plain(c: ConditionIR): c is ConditionIR & { def: OperatorDef } {
  return typeof c.def !== "string" && c.staticValues !== null && c.quantifier === NO_QUANTIFIER;
}

function eligible(e: Entry): boolean {
  const conditions = e.st.ir.conditions;
  return e.st.anyResource && conditions.length > 0 && conditions.every(plain);
}

function member(e: Entry, lead: number): FilterMember {
  const cs = e.st;
  const order = cs.ir.conditions.map((_, i) => i).filter((i) => i !== lead);
  order.unshift(lead);
  const conds = order.map((i) => cs.ir.conditions[i] as ConditionIR & { def: OperatorDef });
  return {
    entry: e,
    conds,
    slots: order.map((i) => cs.valueSlots[i] as number),
    defs: conds.map((c) => c.def),
    values: conds.map((c) => [...(c.staticValues as unknown[])]),
    // As evaluateCondition: an absent value passes IfExists and negated tests.
    absentHolds: conds.map((c) => c.ifExists || c.def.negated),
  };
}

/**
 * Groups the eligible entries by the request value their lead reads; each entry's lead is its
 * condition whose value slot the most eligible entries read (so that groups are few and large).
 * Returns the groups and the entries they took.
 */
export function filterGroups(entries: readonly Entry[]): {
  groups: FilterGroup[];
  grouped: Set<Entry>;
} {
  const candidates = entries.filter(eligible);
  const readers = new Map<number, number>();
  for (const e of candidates)
    for (const slot of new Set(e.st.valueSlots)) readers.set(slot, (readers.get(slot) ?? 0) + 1);
  const bySlot = new Map<number, Array<{ e: Entry; lead: number }>>();
  for (const e of candidates) {
    let lead = 0;
    e.st.valueSlots.forEach((slot, i) => {
      const best = e.st.valueSlots[lead] as number;
      const n = readers.get(slot) as number;
      const m = readers.get(best) as number;
      if (n > m || (n === m && slot < best)) lead = i;
    });
    const slot = e.st.valueSlots[lead] as number;
    const list = bySlot.get(slot) ?? [];
    list.push({ e, lead });
    bySlot.set(slot, list);
  }
  const groups: FilterGroup[] = [];
  const grouped = new Set<Entry>();
  for (const [slot, list] of bySlot) {
    if (list.length < MIN_FILTER) continue;
    const first = list[0] as { e: Entry; lead: number };
    const members = list.map(({ e, lead }) => member(e, lead));
    groups.push({
      cond: first.e.st.ir.conditions[first.lead] as ConditionIR,
      valueSlot: slot,
      members,
      index: leadIndex(members, slot),
    });
    for (const { e } of list) grouped.add(e);
  }
  return { groups, grouped };
}
