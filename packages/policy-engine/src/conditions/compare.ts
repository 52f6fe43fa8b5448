/** The six comparison operators of a family (numeric, date): one table, read by the family's reader. */
import { defineFamily, type Family, type OperatorDef } from "./operator.js";

const COMPARISONS: Array<
  [suffix: string, negated: boolean, test: (r: number, p: number) => boolean]
> = [
  ["Equals", false, (r, p) => r === p],
  ["NotEquals", true, (r, p) => r === p],
  ["LessThan", false, (r, p) => r < p],
  ["LessThanEquals", false, (r, p) => r <= p],
  ["GreaterThan", false, (r, p) => r > p],
  ["GreaterThanEquals", false, (r, p) => r >= p],
];

export function comparisonFamily(
  family: Family,
  prefix: string,
  read: (value: unknown) => number | undefined,
  refusal: (raw: string | number | boolean) => string,
): OperatorDef[] {
  return COMPARISONS.flatMap(([suffix, negated, test]) =>
    defineFamily<number, number>(
      family,
      {
        policyValue: (raw) => {
          const v = read(raw);
          return v === undefined ? { ok: false, message: refusal(raw) } : { ok: true, value: v };
        },
        read,
        test,
      },
      [[`${prefix}${suffix}`, negated]],
    ),
  );
}
