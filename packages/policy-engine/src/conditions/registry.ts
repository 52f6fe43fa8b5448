/**
 * Condition operators by name, and the parsing of a full operator key such as
 * `ForAnyValue:StringLikeIfExists`. `Null` is handled by the evaluator itself: it asks only
 * whether the key is present.
 */
import { boolOperators } from "./bool.js";
import { dateOperators } from "./date.js";
import { ipOperators } from "./ip.js";
import { numericOperators } from "./numeric.js";
import type { OperatorDef } from "./operator.js";
import { stringOperators } from "./string.js";

export const OPERATORS: ReadonlyMap<string, OperatorDef> = new Map(
  [...stringOperators, ...numericOperators, ...dateOperators, ...boolOperators, ...ipOperators].map(
    (op) => [op.name, op],
  ),
);

export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.keys(), "Null"];

export const QUANTIFIERS = ["ForAnyValue", "ForAllValues"] as const;
export type Quantifier = (typeof QUANTIFIERS)[number] | undefined;

export type OperatorKey =
  | { ok: true; def: OperatorDef | "Null"; quantifier: Quantifier; ifExists: boolean }
  | {
      ok: false;
      code: "UnknownOperator" | "InvalidOperatorModifier";
      base: string;
      message: string;
    };

export function parseOperatorKey(text: string): OperatorKey {
  let rest = text;
  let quantifier: Quantifier;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== "ForAnyValue" && prefix !== "ForAllValues")
      return {
        ok: false,
        code: "InvalidOperatorModifier",
        base: prefix,
        message: `\`${prefix}:\` is not a set operator prefix; use \`ForAnyValue:\` or \`ForAllValues:\``,
      };
    quantifier = prefix;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith("IfExists") && rest !== "IfExists") {
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  if (rest === "Null") {
    if (ifExists || quantifier)
      return {
        ok: false,
        code: "InvalidOperatorModifier",
        base: rest,
        message: "`Null` takes neither `IfExists` nor a `ForAnyValue:`/`ForAllValues:` prefix",
      };
    return { ok: true, def: "Null", quantifier, ifExists };
  }
  const def = OPERATORS.get(rest);
  if (!def)
    return {
      ok: false,
      code: "UnknownOperator",
      base: rest,
      message: `\`${text}\` is not a condition operator`,
    };
  return { ok: true, def, quantifier, ifExists };
}
