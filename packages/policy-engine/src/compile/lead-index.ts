/**
 * A filter group's members by what their lead test holds for (see filter-group.ts), so that a
 * request visits the members whose lead can hold, not all of them: big sets put a hundred
 * `Resource: *` statements behind one read action, and testing each was the slowest part of
 * their slowest decisions.
 *
 * Skipping a member is sound only when its lead is FALSE and none of its other tests would
 * record an error: the plain reading evaluates every condition of a statement, even after one
 * fails. So a request takes the index only when every value the group reads is clean (present
 * and readable, or absent); otherwise every member is visited, as before.
 */
import type { ConditionIR } from "../ir.js";
import type { Cidr } from "../values/ip.js";
import { type FilterMember, type LeadIndex, netKey, type ThresholdRun } from "./table.js";
import { singleThreshold } from "./thresholds.js";

/** Operators whose test is `r === p` on the typed values (not negated). */
const EQUALITY = new Set([
  "StringEquals",
  "StringEqualsIgnoreCase",
  "Bool",
  "NumericEquals",
  "DateEquals",
]);

/** Fewer indexed members are not worth the clean-value checks. */
const MIN_INDEXED = 4;

function thresholdOf(f: FilterMember): { kind: number; threshold: number } | undefined {
  const def = f.defs[0];
  const values = f.values[0];
  return def === undefined || values === undefined ? undefined : singleThreshold(def, values);
}

/** The prefix length of an IPv4 range, or -1 for an IPv6 one. */
function bitsOf(c: Cidr): number {
  if (c.v !== 4) return -1;
  return c.mask === 0 ? 0 : 32 - (31 - Math.clz32(c.mask & -c.mask));
}

/** Files an IpAddress lead under each of its ranges; false when one is IPv6. */
function addCidrs(f: FilterMember, levels: Map<number, Map<number, FilterMember[]>>): boolean {
  const cidrs = f.values[0] as Cidr[];
  if (cidrs.some((c) => bitsOf(c) < 0)) return false;
  for (const c of cidrs) {
    if (c.v !== 4) continue;
    const bits = bitsOf(c);
    let byNet = levels.get(bits);
    if (!byNet) {
      byNet = new Map();
      levels.set(bits, byNet);
    }
    const key = netKey(c.net, bits);
    const list = byNet.get(key);
    if (!list) byNet.set(key, [f]);
    else if (!list.includes(f)) list.push(f);
  }
  return true;
}

function runOf(kind: number, list: Array<{ f: FilterMember; threshold: number }>): ThresholdRun {
  list.sort((a, b) => a.threshold - b.threshold);
  return {
    kind,
    thresholds: Float64Array.from(list, (x) => x.threshold),
    members: list.map((x) => x.f),
  };
}

/** The index of a group's members, or undefined when too few of them can be indexed. */
export function leadIndex(
  members: readonly FilterMember[],
  leadSlot: number,
): LeadIndex | undefined {
  const equal = new Map<unknown, FilterMember[]>();
  const byKind = new Map<number, Array<{ f: FilterMember; threshold: number }>>();
  const levels = new Map<number, Map<number, FilterMember[]>>();
  const others: FilterMember[] = [];
  let indexed = 0;
  for (const f of members) {
    const def = f.defs[0];
    if (def !== undefined && !def.negated && EQUALITY.has(def.name)) {
      for (const v of new Set(f.values[0])) {
        const list = equal.get(v);
        if (list) list.push(f);
        else equal.set(v, [f]);
      }
      indexed++;
      continue;
    }
    if (def !== undefined && def.name === "IpAddress" && addCidrs(f, levels)) {
      indexed++;
      continue;
    }
    const t = thresholdOf(f);
    if (t === undefined) {
      others.push(f);
      continue;
    }
    const list = byKind.get(t.kind) ?? [];
    list.push({ f, threshold: t.threshold });
    byKind.set(t.kind, list);
    indexed++;
  }
  if (indexed < MIN_INDEXED) return undefined;
  const checks = new Map<number, ConditionIR>();
  for (const f of members)
    for (let i = 1; i < f.conds.length; i++) {
      const slot = f.slots[i] as number;
      if (slot !== leadSlot && !checks.has(slot)) checks.set(slot, f.conds[i] as ConditionIR);
    }
  return {
    equal,
    cidrs: [...levels].map(([bits, byNet]) => ({ bits, byNet })),
    runs: [...byKind].map(([kind, list]) => runOf(kind, list)),
    others,
    absent: members.filter((f) => f.absentHolds[0]),
    checks: [...checks].map(([slot, cond]) => ({ cond, slot })),
  };
}
