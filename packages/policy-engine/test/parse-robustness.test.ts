/**
 * parsePolicy must never throw, whatever it is given, and every finding's pointer must resolve in
 * the input (or, for a missing member, its parent must).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePolicy, templates } from "../src/index.js";
import { parsePointer } from "../src/json/pointer.js";

function resolves(doc: unknown, pointer: string): boolean {
  let cur: unknown = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(cur) && /^\d+$/.test(token) && Number(token) < cur.length)
      cur = cur[Number(token)];
    else if (
      cur !== null &&
      typeof cur === "object" &&
      !Array.isArray(cur) &&
      Object.hasOwn(cur, token)
    )
      cur = (cur as Record<string, unknown>)[token];
    else return false;
  }
  return true;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

function checkPointers(input: unknown, doc: unknown): void {
  const result = parsePolicy(input);
  for (const f of result.findings) {
    const ok =
      resolves(doc, f.pointer) || (resolves(doc, parentOf(f.pointer)) && f.code !== "InvalidType");
    expect(ok, `${f.code} ${f.pointer} does not resolve`).toBe(true);
  }
}

const templateDocs = templates.map((t) => JSON.parse(t.text) as unknown);

/** Replaces, removes or renames one member somewhere in a document. */
function mutate(doc: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (doc === null || typeof doc !== "object") return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(doc)
    ? [...doc]
    : { ...(doc as object) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] ?? 0) % keys.length] as string;
  const target = copy as Record<string, unknown>;
  if (path.length > 1) target[key] = mutate(target[key], path.slice(1), replacement, mode);
  else if (mode === 0) target[key] = replacement;
  else if (mode === 1 && !Array.isArray(copy)) delete target[key];
  else if (!Array.isArray(copy)) {
    target[`${key}x`] = target[key];
    delete target[key];
  }
  return copy;
}

describe("parsePolicy robustness", () => {
  it("never throws on arbitrary values", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (v) => {
          expect(() => parsePolicy(v)).not.toThrow();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("never throws on arbitrary text and reports positions inside it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const r = parsePolicy(text);
        expect(r.ok).toBe(false);
        const lines = text.split("\n").length;
        for (const f of r.findings)
          if (f.line !== undefined) expect(f.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 3000 },
    );
  });

  it("points into the document for mutated templates (value input)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templateDocs),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.nat(2),
        (doc, path, replacement, mode) => {
          const mutated = mutate(doc, path, replacement, mode);
          checkPointers(mutated, mutated);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("points into the document for mutated templates (text input)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templateDocs),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.nat(2),
        (doc, path, replacement, mode) => {
          const mutated = mutate(doc, path, replacement, mode);
          checkPointers(JSON.stringify(mutated, null, 2), mutated);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on templates with characters cut or inserted", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates.map((t) => t.text)),
        fc.nat(4000),
        fc.string({ maxLength: 3 }),
        (text, at, insert) => {
          const i = at % text.length;
          expect(() => parsePolicy(text.slice(0, i) + insert + text.slice(i + 1))).not.toThrow();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
