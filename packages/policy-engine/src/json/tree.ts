/**
 * A position-aware JSON tree. Both text and JS values become this tree, so validation has one
 * input shape and findings can point at text positions. Members are kept in arrays, never as object
 * properties, so a "__proto__" key is data and can never reach a prototype.
 */

export interface Span {
  start: number;
  end: number;
}

export interface JMember {
  key: string;
  keySpan?: Span;
  value: JNode;
}

export type JNode =
  | { kind: "object"; members: JMember[]; span?: Span }
  | { kind: "array"; items: JNode[]; span?: Span }
  | { kind: "string"; value: string; span?: Span }
  | { kind: "number"; value: number; span?: Span }
  | { kind: "boolean"; value: boolean; span?: Span }
  | { kind: "null"; value: null; span?: Span };

export type JObject = Extract<JNode, { kind: "object" }>;
export type JArray = Extract<JNode, { kind: "array" }>;

export function member(obj: JObject, key: string): JMember | undefined {
  for (const m of obj.members) if (m.key === key) return m;
  return undefined;
}

/** A plain JSON value of the tree; objects are built with defineProperty so "__proto__" stays data. */
export function toPlain(node: JNode): unknown {
  switch (node.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const m of node.members) {
        Object.defineProperty(out, m.key, {
          value: toPlain(m.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return node.items.map(toPlain);
    default:
      return node.value;
  }
}

export function describeKind(node: JNode): string {
  switch (node.kind) {
    case "object":
      return "an object";
    case "array":
      return "a list";
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "null":
      return "null";
  }
}
