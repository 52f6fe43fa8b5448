/** Small readers over the JSON tree that report type problems with their pointers. */
import type { Findings } from "../findings.js";
import { child } from "../json/pointer.js";
import { describeKind, type JNode, type JObject } from "../json/tree.js";
import { MAX_LIST_VALUES } from "../limits.js";
import { quote } from "../text.js";
import { sentence } from "./suggest.js";

export function expectObject(
  node: JNode,
  pointer: string,
  what: string,
  f: Findings,
): JObject | undefined {
  if (node.kind === "object") return node;
  f.error("InvalidType", pointer, `${what} must be an object, not ${describeKind(node)}.`);
  return undefined;
}

export function expectString(
  node: JNode,
  pointer: string,
  what: string,
  f: Findings,
): string | undefined {
  if (node.kind === "string") return node.value;
  f.error("InvalidType", pointer, `${what} must be a string, not ${describeKind(node)}.`);
  return undefined;
}

/** Reports members that are not in `known`, with a hint. */
export function checkFields(
  obj: JObject,
  pointer: string,
  known: readonly string[],
  where: string,
  f: Findings,
): void {
  for (const m of obj.members) {
    if (known.includes(m.key)) continue;
    f.error(
      "UnknownField",
      child(pointer, m.key),
      sentence(`${quote(m.key)} is not ${where} field`, m.key, known),
      "key",
    );
  }
}

export interface Item<T> {
  value: T;
  pointer: string;
}

/** A string or a non-empty list of strings (Action, Resource, ...). */
export function stringOrList(
  node: JNode,
  pointer: string,
  what: string,
  f: Findings,
): Item<string>[] | undefined {
  if (node.kind === "string") return [{ value: node.value, pointer }];
  if (node.kind !== "array") {
    f.error(
      "InvalidType",
      pointer,
      `${what} must be a string or a list of strings, not ${describeKind(node)}.`,
    );
    return undefined;
  }
  if (!checkListSize(node.items.length, pointer, what, f)) return undefined;
  const out: Item<string>[] = [];
  let ok = true;
  node.items.forEach((item, i) => {
    const p = child(pointer, i);
    if (item.kind === "string") out.push({ value: item.value, pointer: p });
    else {
      ok = false;
      f.error(
        "InvalidType",
        p,
        `Each entry of ${what} must be a string, not ${describeKind(item)}.`,
      );
    }
  });
  return ok ? out : undefined;
}

export function checkListSize(length: number, pointer: string, what: string, f: Findings): boolean {
  if (length === 0) {
    f.error(
      "EmptyValue",
      pointer,
      `${what} is an empty list; give at least one value, or remove the field.`,
    );
    return false;
  }
  if (length > MAX_LIST_VALUES) {
    f.error(
      "TooManyItems",
      pointer,
      `${what} has ${length} values; at most ${MAX_LIST_VALUES} are allowed.`,
    );
    return false;
  }
  return true;
}
