/**
 * Per-request state and context lookup (spec §4, §8): a literal dotted key first, then the nested
 * path; own properties only; `__proto__` never; `resource.path` always the engine's own;
 * `time.current` from `now` when the context lacks it.
 */
import type { ConditionMemo } from "../compile/memo.js";
import type { EvaluationError } from "../types.js";

export interface RequestState {
  context: Record<string, unknown> | undefined;
  resource: string;
  /** where the canonical path (no query) sits in `resource`; pathStart < 0 for the resource `*` */
  pathStart: number;
  pathEnd: number;
  /** the path, cut from `resource` on first use */
  resourcePath: string | undefined;
  /** epoch milliseconds, or undefined when the caller passed none */
  now: number | undefined;
  nowText:
    | string
    | undefined /** per-request condition results (absent when explaining: each test is shown as evaluated) */;
  memo: ConditionMemo | undefined;
  /** this evaluation's stamp, the key of the memo */
  stamp: number;
  /** evaluation errors with their statement's ordinal (for a stable order), created on first use */
  errors: Array<{ ordinal: number; error: EvaluationError }> | undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

function walk(ctx: Record<string, unknown>, path: readonly string[]): unknown {
  let cur: unknown = ctx;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as string;
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    if (seg === "__proto__" || !hasOwn.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/**
 * A context value that could not be read: a caller's own getter or proxy threw. It is
 * an evaluation error like any unreadable value (fail closed), never an exception out of evaluate.
 */
export const UNREADABLE: unique symbol = Symbol("unreadable");

function fromContext(state: RequestState, key: string, path: readonly string[] | null): unknown {
  const ctx = state.context;
  if (ctx === undefined) return undefined;
  try {
    if (key !== "__proto__" && hasOwn.call(ctx, key)) return ctx[key];
    return path === null ? undefined : walk(ctx, path);
  } catch {
    return UNREADABLE;
  }
}

/** The request's value for a key; undefined or null mean absent. */
export function lookup(state: RequestState, key: string, path: readonly string[] | null): unknown {
  if (key === "resource.path") {
    if (state.resourcePath === undefined && state.pathStart >= 0)
      state.resourcePath = state.resource.slice(state.pathStart, state.pathEnd);
    return state.resourcePath;
  }
  const v = fromContext(state, key, path);
  if ((v === undefined || v === null) && key === "time.current" && state.now !== undefined) {
    state.nowText ??= new Date(state.now).toISOString();
    return state.nowText;
  }
  return v;
}

export function asContext(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function toEpochMs(now: Date | number | undefined): number | undefined {
  if (now === undefined) return undefined;
  const ms = typeof now === "number" ? now : now.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}
