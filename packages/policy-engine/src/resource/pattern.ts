/**
 * Resource patterns of policies: canonicalised when the policy is saved (spec §8), then turned into
 * glob tokens. Variables and escapes are held by private-use placeholders while the URI is
 * canonicalised, so that substituted text is never canonicalised nor read as a wildcard.
 */
import { buildGlob, type Glob, type GlobToken, ONE, STAR } from "../match/glob.js";
import { parseTemplate } from "../template-string.js";
import { canonicalizeUri } from "./canonical.js";
import { normalizePercent } from "./percent.js";

export type PatternToken = GlobToken | { variable: string };

export interface ResourcePattern {
  /** canonical text, variables spelled `${name}` again */
  canonical: string;
  /** true only for the pattern `*`, the one that matches the resource `*` */
  isStar: boolean;
  /** prebuilt matcher when the pattern has no variables */
  glob: Glob | undefined;
  /** tokens to substitute per request when it has variables */
  tokens: PatternToken[] | undefined;
  /** literal text before the first wildcard or variable, for indexing */
  prefix: string;
}

export type PatternResult = { ok: true; pattern: ResourcePattern } | { ok: false; message: string };

const PLACEHOLDER_BASE = 0xe000;

interface Held {
  joined: string;
  slots: Array<{ literal: string } | { variable: string }>;
}

/** Step 1 on the text pieces; variables and escapes become placeholders. */
function hold(source: string): Held | string {
  const template = parseTemplate(source);
  if (!template.ok) return template.message;
  const slots: Held["slots"] = [];
  let joined = "";
  for (const piece of template.pieces) {
    if ("text" in piece) {
      const step1 = normalizePercent(piece.text);
      if (!step1.ok) return step1.message;
      joined += step1.value;
    } else {
      joined += String.fromCharCode(PLACEHOLDER_BASE + slots.length);
      slots.push(piece);
    }
  }
  return { joined, slots };
}

function toTokens(canonical: string, slots: Held["slots"]): PatternToken[] {
  const tokens: PatternToken[] = [];
  let lit = "";
  const flush = () => {
    if (lit) tokens.push(lit);
    lit = "";
  };
  for (const c of canonical) {
    const code = c.charCodeAt(0);
    const slot = code >= PLACEHOLDER_BASE ? slots[code - PLACEHOLDER_BASE] : undefined;
    if (c === "*" || c === "?") {
      flush();
      tokens.push(c === "*" ? STAR : ONE);
    } else if (slot && "variable" in slot) {
      flush();
      tokens.push({ variable: slot.variable });
    } else lit += slot ? slot.literal : c;
  }
  flush();
  return tokens;
}

function display(tokens: PatternToken[]): string {
  return tokens
    .map((t) => {
      if (t === STAR) return "*";
      if (t === ONE) return "?";
      // Literal * and ? (from escapes) are shown escaped again, as the user wrote them.
      if (typeof t === "string") return t.replace(/[*?]/g, (c) => `\${${c}}`);
      return `\${${t.variable}}`;
    })
    .join("");
}

function prefixOf(tokens: PatternToken[]): string {
  let out = "";
  for (const t of tokens) {
    if (typeof t !== "string") break;
    out += t;
  }
  return out;
}

export function compileResourcePattern(source: string): PatternResult {
  if (source === "*") {
    return {
      ok: true,
      pattern: {
        canonical: "*",
        isStar: true,
        glob: buildGlob([STAR]),
        tokens: undefined,
        prefix: "",
      },
    };
  }
  const held = hold(source);
  if (typeof held === "string") return { ok: false, message: held };
  let canonical = held.joined;
  const first = canonical[0];
  if (first !== "*" && first !== "?") {
    const result = canonicalizeUri(canonical, "pattern");
    if (!result.ok) return result;
    canonical = result.value;
    // A `..` after a variable would silently drop it (and widen the pattern): refuse instead.
    for (let k = 0; k < held.slots.length; k++) {
      if (!canonical.includes(String.fromCharCode(PLACEHOLDER_BASE + k)))
        return {
          ok: false,
          message: "a `..` segment removes a variable or escape from the pattern",
        };
    }
  }
  const tokens = toTokens(canonical, held.slots);
  const hasVariables = tokens.some((t) => typeof t === "object");
  // Every pattern has the same fields in the same order: one hidden class on the hot path.
  const pattern: ResourcePattern = {
    canonical: display(tokens),
    isStar: false,
    glob: hasVariables ? undefined : buildGlob(tokens as GlobToken[]),
    tokens: hasVariables ? tokens : undefined,
    prefix: prefixOf(tokens),
  };
  return { ok: true, pattern };
}
