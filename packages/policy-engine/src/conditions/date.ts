import { readDate } from "../values/date.js";
import { comparisonFamily } from "./compare.js";

export const dateOperators = comparisonFamily(
  "date",
  "Date",
  readDate,
  (raw) =>
    `The value ${JSON.stringify(raw)} is not a date: use RFC 3339 (2024-12-31T23:59:59Z), a date alone, or epoch seconds`,
);
