import { readNumber } from "../values/number.js";
import { comparisonFamily } from "./compare.js";

export const numericOperators = comparisonFamily(
  "numeric",
  "Numeric",
  readNumber,
  (raw) =>
    `The value ${JSON.stringify(raw)} is not a number (write it as JSON decimal, e.g. 42 or 0.25)`,
);
