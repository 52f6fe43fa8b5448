/**
 * Policy variables, substituted per request. A substituted value is literal text: never a wildcard
 * and never canonicalised. A variable that is absent, null, empty or not a scalar cannot be
 * evaluated (spec §8), which the callers turn into a fail-closed error.
 */
import { buildGlob, type Glob, type GlobToken, pushPatternTokens } from "../match/glob.js";
import type { PatternToken } from "../resource/pattern.js";
import type { TemplatePiece } from "../template-string.js";
import { lookup, type RequestState } from "./state.js";

/** A variable's text, or undefined when it cannot be evaluated. */
export function variableText(state: RequestState, name: string): string | undefined {
  const v = lookup(state, name, name.includes(".") ? name.split(".") : null);
  if (typeof v === "string") return v === "" ? undefined : v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === "boolean") return String(v);
  return undefined;
}

export type Substituted<T> = { ok: true; value: T } | { ok: false; variable: string };

/** A resource pattern's glob with its variables filled in. */
export function substitutePattern(
  state: RequestState,
  tokens: readonly PatternToken[],
): Substituted<Glob> {
  const out: GlobToken[] = [];
  for (const t of tokens) {
    if (typeof t === "object") {
      const text = variableText(state, t.variable);
      if (text === undefined) return { ok: false, variable: t.variable };
      out.push(text);
    } else out.push(t);
  }
  return { ok: true, value: buildGlob(out) };
}

/** A condition value's text; with `wildcards`, a glob where only the written text has wildcards. */
export function substituteText(
  state: RequestState,
  pieces: readonly TemplatePiece[],
): Substituted<string> {
  let text = "";
  for (const p of pieces) {
    if ("variable" in p) {
      const v = variableText(state, p.variable);
      if (v === undefined) return { ok: false, variable: p.variable };
      text += v;
    } else text += "text" in p ? p.text : p.literal;
  }
  return { ok: true, value: text };
}

export function substituteGlob(
  state: RequestState,
  pieces: readonly TemplatePiece[],
): Substituted<Glob> {
  const out: GlobToken[] = [];
  for (const p of pieces) {
    if ("variable" in p) {
      const v = variableText(state, p.variable);
      if (v === undefined) return { ok: false, variable: p.variable };
      out.push(v);
    } else if ("literal" in p) out.push(p.literal);
    else pushPatternTokens(p.text, out);
  }
  return { ok: true, value: buildGlob(out) };
}
