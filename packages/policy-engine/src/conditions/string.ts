import { asciiLower } from "../match/action.js";
import { type Glob, globFromPattern, matchGlob } from "../match/glob.js";
import { defineFamily, type OperatorDef } from "./operator.js";

/** Strings read numbers and booleans as their text, as IAM does; objects are unreadable. */
export function readString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const equals = defineFamily<string, string>(
  "string",
  {
    policyValue: (raw) => ({ ok: true, value: String(raw) }),
    read: readString,
    test: (r, p) => r === p,
  },
  [
    ["StringEquals", false],
    ["StringNotEquals", true],
  ],
);

// ASCII-only folding, like actions: no Unicode look-alike folds into another value.
const ignoreCase = defineFamily<string, string>(
  "string",
  {
    policyValue: (raw) => ({ ok: true, value: asciiLower(String(raw)) }),
    read: (v) => {
      const s = readString(v);
      return s === undefined ? undefined : asciiLower(s);
    },
    test: (r, p) => r === p,
  },
  [
    ["StringEqualsIgnoreCase", false],
    ["StringNotEqualsIgnoreCase", true],
  ],
);

const like = defineFamily<string, Glob>(
  "string",
  {
    policyValue: (raw) => ({ ok: true, value: globFromPattern(String(raw)) }),
    read: readString,
    test: (r, p) => matchGlob(p, r),
    wildcards: true,
  },
  [
    ["StringLike", false],
    ["StringNotLike", true],
  ],
);

export const stringOperators: OperatorDef[] = [...equals, ...ignoreCase, ...like];
