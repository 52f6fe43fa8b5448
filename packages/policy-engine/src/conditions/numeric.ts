import { readNumber } from "../values/number.js";
import { defineFamily, type OperatorDef } from "./operator.js";

const compare: Array<[string, boolean, (r: number, p: number) => boolean]> = [
  ["NumericEquals", false, (r, p) => r === p],
  ["NumericNotEquals", true, (r, p) => r === p],
  ["NumericLessThan", false, (r, p) => r < p],
  ["NumericLessThanEquals", false, (r, p) => r <= p],
  ["NumericGreaterThan", false, (r, p) => r > p],
  ["NumericGreaterThanEquals", false, (r, p) => r >= p],
];

export const numericOperators: OperatorDef[] = compare.flatMap(([name, negated, test]) =>
  defineFamily<number, number>(
    "numeric",
    {
      policyValue: (raw) => {
        const n = readNumber(raw);
        return n === undefined
          ? {
              ok: false,
              message: `The value ${JSON.stringify(raw)} is not a number (write it as JSON decimal, e.g. 42 or 0.25)`,
            }
          : { ok: true, value: n };
      },
      read: readNumber,
      test,
    },
    [[name, negated]],
  ),
);
