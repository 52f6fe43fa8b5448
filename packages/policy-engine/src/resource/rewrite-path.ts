/**
 * A path rewritten in one pass, for a resource the one-pass check found canonical but for its path:
 * a `//`, a `.` or `..` segment, or a %-escape. The result is what spec §8's full steps give
 * (escapes of unreserved characters decoded, others upper-cased; then runs of `/` collapsed and dot
 * segments resolved, RFC 3986 §5.2.4), built from the input's kept runs as slices, with the index
 * keys hashed on the way. It reads the path once more, yet costs a third of the full steps, whose
 * string builtins (indexOf, split, concatenation per segment) cost hundreds of instructions a call.
 */

import type { CanonResult } from "./canon-result.js";
import { fnvStep } from "./hash.js";
import { encodeByte, HEX, hexValue, isUnreserved } from "./percent.js";
import { lowerHead, PATH_PLAIN, plainQuery } from "./plain-chars.js";
import { MAX_KEY_DEPTH, type ResourceKeys, resetKeys } from "./prefix-keys.js";

/** Deeper paths are left to the full steps. */
const MAX_DEPTH = 32;
/** For each kept `/` of the path, by depth (0: the root): the hash and output length after it. */
const SLASH_HASH = new Int32Array(MAX_DEPTH);
const SLASH_END = new Int32Array(MAX_DEPTH);

/**
 * `s` is canonical before `pathStart` but for `upper`; `h` and `count` are its hash and keys so far
 * (when `hashing`). Undefined for anything rarer (no root `/`, an escaped `.`, a bad escape, a
 * path climbing above its root, deeper than MAX_DEPTH): the full steps decide, and say why.
 */
export function rewritePath(
  s: string,
  upper: boolean,
  pathStart: number,
  keys: ResourceKeys,
  hashing: boolean,
  h: number,
  count: number,
): CanonResult | undefined {
  if (s.charCodeAt(pathStart) !== 0x2f) return undefined;
  const prefixes = keys.prefixes;
  // The output is `out` followed by the input's open run s[from, i).
  let out = upper ? lowerHead(s, pathStart) : "";
  let from = upper ? pathStart : 0;
  let slashes = count; // in the output so far; keys are kept for the first MAX_KEY_DEPTH
  let depth = 0;
  if (hashing) {
    h = fnvStep(h, 0x2f);
    if (slashes < MAX_KEY_DEPTH) prefixes[slashes] = h;
  }
  slashes++;
  SLASH_HASH[0] = h;
  SLASH_END[0] = pathStart + 1;
  let segStart = pathStart + 1;
  let i = segStart;
  // Reads stay in bounds: one past the end deoptimises into a charCodeAt call per character.
  const n = s.length;
  for (; ; i++) {
    let c = i < n ? s.charCodeAt(i) : -1;
    if (c < 128 && (PATH_PLAIN[c] === 1 || c === 0x2e)) {
      if (hashing) h = fnvStep(h, c);
      continue;
    }
    if (c === 0x25) {
      if (i + 2 >= n) return undefined;
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      c = hi * 16 + lo;
      if (hi < 0 || lo < 0 || c === 0x2e) return undefined; // an escaped `.` may make a dot segment
      if (isUnreserved(c)) {
        out += s.slice(from, i) + String.fromCharCode(c);
        from = i + 3;
        if (hashing) h = fnvStep(h, c);
      } else {
        // Kept escaped, in upper case.
        const a = s.charCodeAt(i + 1);
        const b = s.charCodeAt(i + 2);
        if (a >= 0x61 || b >= 0x61) {
          out += s.slice(from, i) + encodeByte(c);
          from = i + 3;
        }
        if (hashing) h = fnvStep(fnvStep(fnvStep(h, 0x25), HEX.charCodeAt(hi)), HEX.charCodeAt(lo));
      }
      i += 2;
      continue;
    }
    // A segment ends: at a `/`, a `?` or the end.
    const last = c !== 0x2f;
    if (last && c !== -1 && c !== 0x3f) return undefined;
    const len = i - segStart;
    const dot = len > 0 && s.charCodeAt(segStart) === 0x2e;
    if (len === 0 ? !last : len === 1 && dot) {
      // `//` or `.`: drop the segment and the `/` after it (a last `.` leaves the `/` before it).
      if (segStart > from) out += s.slice(from, segStart);
      from = last ? i : i + 1;
      h = SLASH_HASH[depth] as number;
    } else if (len === 2 && dot && s.charCodeAt(segStart + 1) === 0x2e) {
      // `..`: drop it and the segment before it (with its `/`).
      if (depth === 0) return undefined; // it climbs above the root
      depth--;
      slashes--;
      h = SLASH_HASH[depth] as number;
      const end = SLASH_END[depth] as number;
      if (end >= out.length) out += s.slice(from, from + end - out.length);
      else out = out.slice(0, end);
      from = last ? i : i + 1;
    } else if (!last) {
      if (++depth === MAX_DEPTH) return undefined;
      if (hashing) {
        h = fnvStep(h, 0x2f);
        if (slashes < MAX_KEY_DEPTH) prefixes[slashes] = h;
      }
      slashes++;
      SLASH_HASH[depth] = h;
      SLASH_END[depth] = out.length + i + 1 - from;
    }
    if (last) break;
    segStart = i + 1;
  }
  if (i < n && !plainQuery(s, i)) return undefined;
  const pathEnd = out.length + i - from;
  const value = from === 0 ? s : from === n ? out : out + s.slice(from);
  if (hashing) {
    keys.resource = value;
    keys.count = Math.min(slashes, MAX_KEY_DEPTH);
    keys.pos = pathEnd; // hashTo() goes on from here (into a query, say) should a list ask
    keys.hash = h;
  } else resetKeys(keys, value);
  return { ok: true, value, pathStart, pathEnd };
}
