/**
 * The common case in one pass: reading a resource once, character by character, decides whether it
 * is canonical already (spec §8) and hashes its index keys on the way. A charCodeAt loop costs a
 * few instructions a character where every string builtin costs hundreds a call, so this is the
 * cheapest way to read a resource at all.
 */

import type { CanonResult } from "./canon-result.js";
import { FNV_OFFSET } from "./hash.js";
import { HOST_PLAIN, lowerHead, PATH_PLAIN, plainQuery, SCHEME_REST } from "./plain-chars.js";
import { MAX_KEY_DEPTH, type ResourceKeys } from "./prefix-keys.js";
import { rewritePath } from "./rewrite-path.js";

/**
 * A resource already in canonical form (lower-case scheme and host, no escapes, no port, no `//`
 * or dot segment in its path) is returned as it is, or with only its scheme and host lower-cased;
 * one whose path holds a `//`, dot segment or escape goes on to rewritePath. When `hashing`, its
 * index keys are hashed on the way (see prefix-keys.ts).
 * Anything else, undefined: the full steps decide (the caller resets the keys).
 */
export function quickCanonical(
  s: string,
  keys: ResourceKeys,
  hashing: boolean,
): CanonResult | undefined {
  const prefixes = keys.prefixes;
  // hash.ts's fnvStep written out: an imported function costs a cell load and checks per call.
  let h = FNV_OFFSET;
  let count = 0;
  let upper = false; // upper case in the scheme or host, hashed (and, in the value, written) lower
  const first = s.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return undefined; // a scheme starts with a letter
  let c = s.charCodeAt(0);
  let i = 0;
  for (; c !== 0x3a; c = s.charCodeAt(++i)) {
    if (i >= 63) return undefined;
    if (!(c < 128 && SCHEME_REST[c] === 1)) {
      if (!(c >= 0x41 && c <= 0x5a)) return undefined; // NaN past the end
      upper = true;
      c |= 0x20;
    }
    if (hashing) h = Math.imul(h ^ c, 0x01000193) & 0x3fffffff;
  }
  if (hashing) h = Math.imul(h ^ c, 0x01000193) & 0x3fffffff;
  const colon = i++;
  let pathStart = i;
  if (s.charCodeAt(i) === 0x2f && s.charCodeAt(i + 1) === 0x2f) {
    if (hashing) {
      // `//` ends the first two keys (`file:/`, `file://`)
      h = Math.imul(h ^ 0x2f, 0x01000193) & 0x3fffffff;
      prefixes[count++] = h;
      h = Math.imul(h ^ 0x2f, 0x01000193) & 0x3fffffff;
      prefixes[count++] = h;
    }
    i += 2;
    const hostStart = i;
    for (; i < s.length; i++) {
      c = s.charCodeAt(i);
      if (!(c < 128 && HOST_PLAIN[c] === 1)) {
        if (c === 0x2f || c === 0x3f) break;
        if (c >= 0x41 && c <= 0x5a) {
          upper = true;
          c |= 0x20;
        } else if (c !== 0x2e) return undefined;
      }
      if (hashing) h = Math.imul(h ^ c, 0x01000193) & 0x3fffffff;
    }
    if (i > hostStart && s.charCodeAt(i - 1) === 0x2e) return undefined; // a trailing dot
    // An empty http(s) path becomes "/": leave that to the full steps.
    if (
      s.charCodeAt(i) !== 0x2f &&
      (s.charCodeAt(0) | 0x20) === 0x68 &&
      (colon === 4 || colon === 5)
    )
      return undefined;
    pathStart = i;
  }
  // Where the path starts: a path to rewrite is read again from here.
  const pathHash = h;
  const pathCount = count;
  let prev = -1; // the previous path character; -1 at the path's start
  for (; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (c < 128 && PATH_PLAIN[c] === 1) {
      prev = c;
      if (hashing) h = Math.imul(h ^ c, 0x01000193) & 0x3fffffff;
      continue;
    }
    if (c === 0x3f) {
      if (!plainQuery(s, i)) return undefined;
      return kept(s, upper, pathStart, i, keys, count, h, hashing ? i : 0);
    }
    if (c === 0x2f) {
      if (prev === 0x2f)
        return rewritePath(s, upper, pathStart, keys, hashing, pathHash, pathCount); // `//`
      if (hashing) {
        h = Math.imul(h ^ c, 0x01000193) & 0x3fffffff;
        if (count < MAX_KEY_DEPTH) prefixes[count++] = h;
      }
    } else if (c === 0x2e) {
      if (prev === 0x2f || prev === -1)
        return rewritePath(s, upper, pathStart, keys, hashing, pathHash, pathCount); // maybe a dot segment
      if (hashing) h = Math.imul(h ^ c, 0x01000193) & 0x3fffffff;
    } else if (c === 0x25) {
      return rewritePath(s, upper, pathStart, keys, hashing, pathHash, pathCount); // an escape
    } else return undefined;
    prev = c;
  }
  return kept(s, upper, pathStart, s.length, keys, count, h, hashing ? s.length : 0);
}

/**
 * `s` is canonical, but for `upper`; its keys: `count` prefixes, hashed (`h`) over its first `pos`
 * characters.
 */
function kept(
  s: string,
  upper: boolean,
  pathStart: number,
  pathEnd: number,
  keys: ResourceKeys,
  count: number,
  h: number,
  pos: number,
): CanonResult {
  const value = upper ? lowerHead(s, pathStart) + s.slice(pathStart) : s;
  keys.resource = value;
  keys.count = count;
  keys.pos = pos; // hashTo() goes on from here (into a query, say) should a list ask
  keys.hash = h;
  return { ok: true, value, pathStart, pathEnd };
}
