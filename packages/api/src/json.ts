/**
 * The wire is plain JSON (no superjson), so a curl call and a typed client see the same thing.
 * Procedures return `toJson(result)`: Dates become ISO strings here rather than implicitly in
 * JSON.stringify, so the inferred output types say `string` and a server-side caller
 * (`createCaller`) gets exactly what the HTTP client gets.
 */
export type Jsonify<T> = T extends Date
  ? string
  : T extends bigint
    ? string
    : T extends readonly (infer U)[]
      ? Jsonify<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonify<T[K]> }
        : T;

export function toJson<T>(value: T): Jsonify<T> {
  return convert(value) as Jsonify<T>;
}

function convert(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== undefined) out[key] = convert(entry);
    }
    return out;
  }
  return value;
}

/** Awaits a core call and returns its result as plain JSON. */
export async function json<T>(promise: Promise<T>): Promise<Jsonify<T>> {
  return toJson(await promise);
}
