import { readDate } from "../values/date.js";
import { defineFamily, type OperatorDef } from "./operator.js";

const compare: Array<[string, boolean, (r: number, p: number) => boolean]> = [
  ["DateEquals", false, (r, p) => r === p],
  ["DateNotEquals", true, (r, p) => r === p],
  ["DateLessThan", false, (r, p) => r < p],
  ["DateLessThanEquals", false, (r, p) => r <= p],
  ["DateGreaterThan", false, (r, p) => r > p],
  ["DateGreaterThanEquals", false, (r, p) => r >= p],
];

export const dateOperators: OperatorDef[] = compare.flatMap(([name, negated, test]) =>
  defineFamily<number, number>(
    "date",
    {
      policyValue: (raw) => {
        const ms = readDate(raw);
        return ms === undefined
          ? {
              ok: false,
              message: `The value ${JSON.stringify(raw)} is not a date: use RFC 3339 (2024-12-31T23:59:59Z), a date alone, or epoch seconds`,
            }
          : { ok: true, value: ms };
      },
      read: readDate,
      test,
    },
    [[name, negated]],
  ),
);
