/**
 * Actions: `service:name[:sub…]` (two or more parts, so MCP tools can be `tool:mcp:<server>:<tool>`), ASCII, case-insensitive (spec §2, §8). Requests are validated with
 * a fixed expression; policy patterns become globs over the lower-cased action.
 */
import { nonAsciiNote, quote } from "../text.js";
import { type Glob, globFromPattern } from "./glob.js";

const PATTERN_PART = /^[A-Za-z0-9_.*?-]+$/;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** ASCII-only lower-casing: a Unicode look-alike must never fold into a denied action. */
export function asciiLower(s: string): string {
  // On pure ASCII, toLowerCase folds exactly A-Z, and V8 does it fast.
  if (isAscii(s)) return s.toLowerCase();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/** 1 for the characters of an action part: ASCII letters, digits, `_`, `.`, `-`. */
const PART_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
  PART_CHAR[c.charCodeAt(0)] = 1;

/**
 * The canonical (lower-case) action, or undefined when it is not a valid requested action:
 * two or more non-empty parts separated by `:`, each of ASCII letters, digits, `_`, `.` or `-`.
 */
export function canonicalAction(action: unknown): string | undefined {
  if (typeof action !== "string" || action.length > 256) return undefined;
  let colons = 0;
  let partLength = 0;
  let upper = false;
  for (let i = 0; i < action.length; i++) {
    const c = action.charCodeAt(i);
    if (c === 0x3a) {
      if (partLength === 0) return undefined;
      colons++;
      partLength = 0;
    } else if (c < 128 && PART_CHAR[c] === 1) {
      partLength++;
      if (c >= 0x41 && c <= 0x5a) upper = true;
    } else return undefined;
  }
  if (colons === 0 || partLength === 0) return undefined;
  return upper ? action.toLowerCase() : action;
}

export interface ActionPattern {
  source: string;
  /** lower-cased */
  lower: string;
  glob: Glob;
}

export type ActionPatternResult =
  | { ok: true; pattern: ActionPattern }
  | { ok: false; message: string };

export function compileActionPattern(source: string): ActionPatternResult {
  if (source === "*") return { ok: true, pattern: makePattern(source) };
  const parts = source.split(":");
  const hasWildcard = /[*?]/.test(source);
  if (parts.length === 1 && !hasWildcard)
    return {
      ok: false,
      message: `an action is \`service:action\`, e.g. \`file:Read\`${nonAsciiNote(source)}`,
    };
  for (const [i, part] of parts.entries()) {
    if (part === "") return { ok: false, message: `part ${i + 1} of the action is empty` };
    if (!PATTERN_PART.test(part))
      return {
        ok: false,
        message: `${quote(part)} may only hold ASCII letters, digits, \`_\`, \`.\`, \`-\` and the wildcards \`*\` and \`?\`${nonAsciiNote(part)}`,
      };
  }
  return { ok: true, pattern: makePattern(source) };
}

function makePattern(source: string): ActionPattern {
  const lower = asciiLower(source);
  return { source, lower, glob: globFromPattern(lower) };
}
