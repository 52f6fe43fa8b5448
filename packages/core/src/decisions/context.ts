/**
 * The context a decision is evaluated with: the caller's keys, less every value it sent for a
 * key the platform sets (literal `"agent.id"` or nested `{ agent: { id } }`, at any depth of that
 * path), plus the platform's own values. The caller's object is never changed: what is reshaped
 * is copied.
 */

/** The keys the server sets on every decision (the engine's PLATFORM_KEYS but resource.path). */
export const SERVER_KEYS = [
  "source.ip",
  "time.current",
  "agent.id",
  "workspace.id",
  "organization.id",
] as const;

export type ServerKey = (typeof SERVER_KEYS)[number];

export type ServerValues = Record<ServerKey, string | undefined>;

const hasOwn = Object.prototype.hasOwnProperty;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A copy of `object` without the nested value at `path` (the path's objects copied too). */
function without(
  object: Record<string, unknown>,
  path: readonly string[],
): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  if (!hasOwn.call(object, head)) return object;
  const copy = { ...object };
  if (rest.length === 0) delete copy[head];
  else {
    const inner = copy[head];
    if (isRecord(inner)) copy[head] = without(inner, rest);
  }
  return copy;
}

export function serverContext(
  caller: Record<string, unknown> | undefined,
  values: ServerValues,
): Record<string, unknown> {
  let context: Record<string, unknown> = isRecord(caller) ? { ...caller } : {};
  for (const key of SERVER_KEYS) {
    delete context[key];
    context = without(context, key.split("."));
    const value = values[key];
    if (value !== undefined) context[key] = value;
  }
  return context;
}
