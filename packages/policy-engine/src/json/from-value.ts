/**
 * A JS value -> JNode. Callers may hand us anything (cyclic objects, getters that throw, class
 * instances, 10 MB strings), so every step is bounded and nothing here throws.
 */
import type { Findings } from "../findings.js";
import { MAX_DEPTH, MAX_DOCUMENT_BYTES } from "../limits.js";
import { child } from "./pointer.js";
import type { JMember, JNode } from "./tree.js";

class Bail extends Error {}

interface Walk {
  findings: Findings;
  budget: number;
  ancestors: Set<object>;
}

function spend(walk: Walk, cost: number): void {
  walk.budget -= cost;
  if (walk.budget < 0) {
    walk.findings.error(
      "DocumentTooLarge",
      "",
      `The document is larger than ${MAX_DOCUMENT_BYTES / 1024} KiB; split it into several policies.`,
    );
    throw new Bail();
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function notJson(walk: Walk, pointer: string, what: string): JNode {
  walk.findings.error("InvalidType", pointer, `${what} is not a JSON value.`);
  return { kind: "null", value: null };
}

function convert(value: unknown, pointer: string, depth: number, walk: Walk): JNode {
  if (depth > MAX_DEPTH) {
    walk.findings.error("NestingTooDeep", pointer, "The document nests deeper than a policy can.");
    throw new Bail();
  }
  switch (typeof value) {
    case "string":
      spend(walk, value.length + 2);
      return { kind: "string", value };
    case "number":
      spend(walk, 8);
      return Number.isFinite(value)
        ? { kind: "number", value }
        : notJson(walk, pointer, `The number ${value}`);
    case "boolean":
      spend(walk, 5);
      return { kind: "boolean", value };
    case "object":
      if (value === null) {
        spend(walk, 4);
        return { kind: "null", value: null };
      }
      return convertObject(value, pointer, depth, walk);
    default:
      return notJson(walk, pointer, `A ${typeof value}`);
  }
}

function convertObject(value: object, pointer: string, depth: number, walk: Walk): JNode {
  if (walk.ancestors.has(value)) {
    walk.findings.error("NestingTooDeep", pointer, "The document contains itself (a cycle).");
    throw new Bail();
  }
  walk.ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      spend(walk, 2);
      const items: JNode[] = [];
      for (let i = 0; i < value.length; i++) {
        spend(walk, 1);
        items.push(convert(value[i], child(pointer, i), depth + 1, walk));
      }
      return { kind: "array", items };
    }
    if (!isPlainObject(value)) return notJson(walk, pointer, "An object of a class");
    spend(walk, 2);
    const members: JMember[] = [];
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue; // as JSON.stringify does
      spend(walk, key.length + 4);
      members.push({ key, value: convert(v, child(pointer, key), depth + 1, walk) });
    }
    return { kind: "object", members };
  } finally {
    walk.ancestors.delete(value);
  }
}

export function treeFromValue(value: unknown, findings: Findings): JNode | undefined {
  const walk: Walk = { findings, budget: MAX_DOCUMENT_BYTES, ancestors: new Set() };
  try {
    return convert(value, "", 0, walk);
  } catch (e) {
    if (!(e instanceof Bail)) {
      // A getter or proxy threw: the value cannot be read as a document.
      findings.error("InvalidType", "", "The document could not be read as JSON data.");
    }
    return undefined;
  }
}
