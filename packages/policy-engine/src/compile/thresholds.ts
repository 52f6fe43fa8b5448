/**
 * Ordered comparisons against sorted thresholds, shared by threshold groups (resource-index.ts)
 * and lead indexes (lead-index.ts): which side of the thresholds can hold for a request value x.
 */
import type { OperatorDef } from "../conditions/operator.js";

export const LT = 0; // x < p: thresholds above x
export const LE = 1; // x <= p
export const GT = 2; // x > p: thresholds below x
export const GE = 3; // x >= p

const KINDS: Array<[suffix: string, kind: number]> = [
  ["LessThanEquals", LE],
  ["LessThan", LT],
  ["GreaterThanEquals", GE],
  ["GreaterThan", GT],
];

/** LT, LE, GT or GE for an ordered comparison operator (NumericLessThan, DateGreaterThan…). */
function comparisonKind(name: string): number | undefined {
  for (const [suffix, kind] of KINDS) if (name.endsWith(suffix)) return kind;
  return undefined;
}

/**
 * The kind and threshold of a test that is one ordered comparison (numeric or date, not negated)
 * against one finite static value; undefined for any other test.
 */
export function singleThreshold(
  def: OperatorDef,
  values: readonly unknown[] | null,
): { kind: number; threshold: number } | undefined {
  if (def.negated || (def.family !== "numeric" && def.family !== "date")) return undefined;
  if (values === null || values.length !== 1) return undefined;
  const threshold = values[0];
  if (typeof threshold !== "number" || !Number.isFinite(threshold)) return undefined;
  const kind = comparisonKind(def.name);
  return kind === undefined ? undefined : { kind, threshold };
}

/** First index whose threshold is >= x (strict: > x). */
export function bound(t: Float64Array, x: number, strict: boolean): number {
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

/** The positions in ascending `t` whose comparison of kind `kind` holds for x, as [from, to). */
export function holdingRange(kind: number, t: Float64Array, x: number): [number, number] {
  if (kind === LT) return [bound(t, x, true), t.length];
  if (kind === LE) return [bound(t, x, false), t.length];
  if (kind === GT) return [0, bound(t, x, false)];
  if (kind === GE) return [0, bound(t, x, true)];
  return [0, t.length];
}
