/**
 * Wildcard matching in time proportional to pattern length x input length, whatever the pattern:
 * the pattern is split on `*` into parts; the first part is anchored at the start, the last at the
 * end, and each middle part is found leftmost-first (greedy leftmost is optimal for `*`-separated
 * parts, so there is never any backtracking). No regular expression is built from user input.
 *
 * `*` matches any run of characters (including `:` and `/`), `?` exactly one.
 */

/** A token of a pattern: literal text, or one of the two wildcards. */
export type GlobToken = string | typeof STAR | typeof ONE;
export const STAR: unique symbol = Symbol("*");
export const ONE: unique symbol = Symbol("?");

interface Part {
  text: string;
  /** wild[i] === 1 where the pattern has `?`; null when the part has none */
  wild: Uint8Array | null;
  /**
   * General globs only (the others never reach partAt): the text's UTF-16 units, -1 where the
   * pattern has `?`, so the matcher reads one string, not two. Empty elsewhere, to save memory.
   */
  codes: Int32Array;
}

const EXACT = 0;
const PREFIX = 1;
const SUFFIX = 2;
const ANY = 3;
const GENERAL = 4;

export interface Glob {
  readonly kind: number;
  readonly text: string;
  readonly parts: readonly Part[];
  readonly minLength: number;
}

/** Counts character comparisons of the general matcher, so tests can bound its work. */
export const globStats = { steps: 0 };

const NO_CODES = new Int32Array(0);

function makePart(text: string, wild: number[]): Part {
  if (wild.length === 0) return { text, wild: null, codes: NO_CODES };
  const mask = new Uint8Array(text.length);
  for (const i of wild) mask[i] = 1;
  return { text, wild: mask, codes: NO_CODES };
}

function withCodes(p: Part): Part {
  const codes = new Int32Array(p.text.length);
  for (let i = 0; i < codes.length; i++) codes[i] = p.wild?.[i] === 1 ? -1 : p.text.charCodeAt(i);
  return { text: p.text, wild: p.wild, codes };
}

export function buildGlob(tokens: readonly GlobToken[]): Glob {
  const parts: Part[] = [];
  let text = "";
  let wild: number[] = [];
  let lastWasStar = false;
  for (const t of tokens) {
    if (t === STAR) {
      if (!lastWasStar) parts.push(makePart(text, wild));
      text = "";
      wild = [];
      lastWasStar = true;
      continue;
    }
    lastWasStar = false;
    if (t === ONE) {
      // Positions are UTF-16 units, as the matcher compares with charCodeAt.
      wild.push(text.length);
      text += "?";
    } else text += t;
  }
  parts.push(makePart(text, wild));
  return classify(parts);
}

function classify(parts: Part[]): Glob {
  const minLength = parts.reduce((n, p) => n + p.text.length, 0);
  const first = parts[0] as Part;
  const last = parts[parts.length - 1] as Part;
  const noWild = parts.every((p) => p.wild === null);
  if (parts.length === 1 && noWild) return { kind: EXACT, text: first.text, parts, minLength };
  if (minLength === 0) return { kind: ANY, text: "", parts, minLength };
  if (parts.length === 2 && noWild && last.text === "")
    return { kind: PREFIX, text: first.text, parts, minLength };
  if (parts.length === 2 && noWild && first.text === "")
    return { kind: SUFFIX, text: last.text, parts, minLength };
  return { kind: GENERAL, text: "", parts: parts.map(withCodes), minLength };
}

/** Parses a pattern string where `*` and `?` are wildcards. */
export function globFromPattern(pattern: string): Glob {
  const tokens: GlobToken[] = [];
  pushPatternTokens(pattern, tokens);
  return buildGlob(tokens);
}

/** Appends the tokens of text where `*` and `?` are wildcards. */
export function pushPatternTokens(pattern: string, tokens: GlobToken[]): void {
  let lit = "";
  for (const c of pattern) {
    if (c === "*" || c === "?") {
      if (lit) tokens.push(lit);
      lit = "";
      tokens.push(c === "*" ? STAR : ONE);
    } else lit += c;
  }
  if (lit) tokens.push(lit);
}

export function matchGlob(g: Glob, s: string): boolean {
  switch (g.kind) {
    case EXACT:
      return s === g.text;
    // A slice and `===` (a copy and a compare of flat strings) cost V8 half of what startsWith and
    // endsWith do: those builtins read the string a character at a time through its representation.
    case PREFIX:
      return s.length >= g.text.length && s.slice(0, g.text.length) === g.text;
    case SUFFIX:
      return s.length >= g.text.length && s.slice(s.length - g.text.length) === g.text;
    case ANY:
      return true;
    default:
      return matchGeneral(g, s);
  }
}

function partAt(p: Part, s: string, at: number): boolean {
  const codes = p.codes;
  const n = codes.length;
  let j = 0;
  for (; j < n; j++) {
    const want = codes[j] as number;
    if (want >= 0 && s.charCodeAt(at + j) !== want) break;
  }
  // Counted once per call (a counter bumped per character cost as much as the compare).
  globStats.steps += j < n ? j + 1 : n;
  return j === n;
}

function find(p: Part, s: string, from: number, end: number): number {
  const last = end - p.text.length;
  for (let i = from; i <= last; i++) if (partAt(p, s, i)) return i;
  return -1;
}

function matchGeneral(g: Glob, s: string): boolean {
  if (s.length < g.minLength) return false;
  const parts = g.parts;
  const n = parts.length;
  const first = parts[0] as Part;
  if (n === 1) return s.length === first.text.length && partAt(first, s, 0);
  const last = parts[n - 1] as Part;
  const end = s.length - last.text.length;
  if (!partAt(first, s, 0) || !partAt(last, s, end)) return false;
  let pos = first.text.length;
  for (let i = 1; i < n - 1; i++) {
    const p = parts[i] as Part;
    const at = find(p, s, pos, end);
    if (at < 0) return false;
    pos = at + p.text.length;
  }
  return true;
}

/** The literal text before the first wildcard: what indexes can key on. */
export function literalPrefix(g: Glob): string {
  if (g.kind === EXACT || g.kind === PREFIX) return g.text;
  if (g.kind === SUFFIX || g.kind === ANY) return "";
  const first = g.parts[0] as Part;
  if (first.wild === null) return first.text;
  return first.text.slice(0, first.wild.indexOf(1));
}

export function isExact(g: Glob): boolean {
  return g.kind === EXACT;
}
