/** Small comparison helpers for policy test suites: each returns a list of readable differences. */

export function show(v: unknown): string {
  return JSON.stringify(v);
}

/** Order-insensitive equality of two lists of keys; reports what is missing and what is extra. */
export function sameMultiset(what: string, expected: string[], actual: string[]): string[] {
  const rest = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = rest.indexOf(e);
    if (i >= 0) rest.splice(i, 1);
    else missing.push(e);
  }
  const out: string[] = [];
  if (missing.length) out.push(`${what}: expected but not found: ${missing.join(", ")}`);
  if (rest.length) out.push(`${what}: found but not expected: ${rest.join(", ")}`);
  return out;
}

/** Deep equality for JSON data (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
