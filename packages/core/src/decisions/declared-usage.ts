/**
 * What an action says it will use, from its context (spec §6): `context.tokens` (a count) and
 * `context.cost` (USD), each as a literal key or nested (`{ context: { cost } }`), a number or a
 * numeric string as the engine reads it. A value that is present but unreadable is refused with
 * the decision (it could otherwise dodge a limit), not ignored.
 */

export interface DeclaredUsage {
  tokens?: number;
  /** micro-USD, rounded up so a declared cost is never under-reserved */
  costMicros?: number;
}

export type DeclaredUsageResult =
  | { ok: true; usage: DeclaredUsage }
  | { ok: false; key: "context.tokens" | "context.cost"; message: string };

function read(context: Record<string, unknown>, name: "tokens" | "cost"): unknown {
  const literal = context[`context.${name}`];
  if (literal !== undefined) return literal;
  const nested = context.context;
  return nested !== null && typeof nested === "object" && !Array.isArray(nested)
    ? (nested as Record<string, unknown>)[name]
    : undefined;
}

function number(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function declaredUsage(context: Record<string, unknown>): DeclaredUsageResult {
  const usage: DeclaredUsage = {};
  const tokens = read(context, "tokens");
  if (tokens !== undefined) {
    const n = number(tokens);
    if (n === undefined || n < 0)
      return { ok: false, key: "context.tokens", message: "context.tokens must be a count ≥ 0." };
    usage.tokens = n;
  }
  const cost = read(context, "cost");
  if (cost !== undefined) {
    const n = number(cost);
    if (n === undefined || n < 0)
      return { ok: false, key: "context.cost", message: "context.cost must be USD ≥ 0." };
    usage.costMicros = Math.ceil(n * 1_000_000 - 1e-6);
  }
  return { ok: true, usage };
}
