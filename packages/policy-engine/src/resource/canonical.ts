/**
 * Canonical form of resources (spec §3, §8), shared by requests and policy patterns so that both
 * sides of a match are spelled the same way.
 */

import { utf8Length } from "../json/from-text.js";
import { MAX_RESOURCE_BYTES } from "../limits.js";
import type { CanonResult } from "./canon-result.js";
import { quickCanonical } from "./one-pass.js";
import { normalizePercent } from "./percent.js";
import { newResourceKeys, type ResourceKeys, resetKeys } from "./prefix-keys.js";

export type { CanonResult } from "./canon-result.js";

type Mode = "request" | "pattern";

/** Length of `scheme` before its `:`, or -1 when the text has no scheme. */
function schemeLength(s: string): number {
  const first = s.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return -1;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) return i;
    const l = c | 0x20;
    const ok =
      (l >= 0x61 && l <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2d ||
      c === 0x2e;
    if (!ok) return -1;
  }
  return -1;
}

function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}
const DEFAULT_PORT: Record<string, string> = { http: "80", https: "443" };

function fail(message: string): CanonResult {
  return { ok: false, message };
}

/** Lower-cases ASCII letters but keeps %XX escapes upper-case. */
function lowerKeepingEscapes(s: string): string {
  if (!hasUpper(s)) return s;
  if (!s.includes("%")) return s.toLowerCase(); // ASCII here: step 1 encoded everything else
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "%") {
      out += s.slice(i, i + 3);
      i += 2;
    } else out += (s[i] as string).toLowerCase();
  }
  return out;
}

function hasWildcard(s: string): boolean {
  return s.includes("*") || s.includes("?");
}

function normalizeAuthority(auth: string, scheme: string, mode: Mode): string | { error: string } {
  if (auth.includes("@"))
    return { error: "user information (`user@`) is not allowed in a resource" };
  let host = auth;
  let port: string | null = null;
  if (auth.startsWith("[")) {
    const close = auth.indexOf("]");
    if (close < 0) return { error: "an IPv6 host is missing its `]`" };
    host = auth.slice(0, close + 1);
    const rest = auth.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) return { error: "only a port may follow an IPv6 host" };
      port = rest.slice(1);
    }
  } else {
    const colon = auth.lastIndexOf(":");
    if (colon >= 0) {
      host = auth.slice(0, colon);
      port = auth.slice(colon + 1);
    }
  }
  host = lowerKeepingEscapes(host);
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (port !== null && /^[0-9]+$/.test(port)) {
    const n = Number(port);
    if (n > 65535) return { error: `port ${port} is out of range` };
    port = String(n);
    if (DEFAULT_PORT[scheme] === port) port = null;
  } else if (port === "") port = null;
  else if (port !== null && mode === "request")
    return { error: `port \`${port}\` is not a number` };
  return port === null ? host : `${host}:${port}`;
}

/** Whether a path has a `.` or `..` segment (a `.` inside a name such as `a.txt` is not one). */
function hasDotSegment(path: string): boolean {
  for (let i = path.indexOf("."); i >= 0; i = path.indexOf(".", i + 1)) {
    if (i > 0 && path.charCodeAt(i - 1) !== 0x2f) continue;
    const next = i + 1 < path.length ? path.charCodeAt(i + 1) : 0x2f;
    if (next === 0x2f) return true;
    const after = i + 2 < path.length ? path.charCodeAt(i + 2) : 0x2f;
    if (next === 0x2e && after === 0x2f) return true;
  }
  return false;
}

/**
 * Collapses runs of `/`, then resolves dot segments (RFC 3986 §5.2.4), in one pass over the
 * segments' positions: no array of substrings. Null when the path climbs above its root.
 */
export function normalizePath(path: string): string | null {
  if (!path.includes("//") && !hasDotSegment(path)) return path;
  const absolute = path.charCodeAt(0) === 0x2f;
  const starts: number[] = [];
  const ends: number[] = [];
  let trailingSlash = false;
  for (let i = absolute ? 1 : 0; i <= path.length; ) {
    let j = path.indexOf("/", i);
    if (j < 0) j = path.length;
    const len = j - i;
    const last = j === path.length;
    if (len === 0) {
      // An empty segment: a run of slashes collapses, a final one is the trailing slash.
      if (last) trailingSlash = starts.length > 0;
    } else if (len === 1 && path.charCodeAt(i) === 0x2e) {
      trailingSlash = last;
    } else if (len === 2 && path.charCodeAt(i) === 0x2e && path.charCodeAt(i + 1) === 0x2e) {
      if (starts.length === 0) return null;
      starts.pop();
      ends.pop();
      trailingSlash = last;
    } else {
      starts.push(i);
      ends.push(j);
      trailingSlash = false;
    }
    i = j + 1;
  }
  let out = absolute ? "/" : "";
  for (let k = 0; k < starts.length; k++) {
    if (k > 0) out += "/";
    out += path.slice(starts[k], ends[k]);
  }
  if (trailingSlash && starts.length > 0) out += "/";
  return out;
}

/**
 * Steps 2 and 3 of §8 on a string already in step-1 form. In pattern mode `?` is a wildcard, so it
 * does not end the authority; the path still ends at the first `?` (a query is matched literally).
 */
export function canonicalizeUri(s: string, mode: Mode): CanonResult {
  const colon = schemeLength(s);
  if (colon < 0) return fail("it is not an absolute URI (it has no `scheme:`)");
  const rawScheme = s.slice(0, colon);
  const scheme = hasUpper(rawScheme) ? rawScheme.toLowerCase() : rawScheme;
  const rest = s.slice(colon + 1);
  if (rest.includes("#")) return fail("a fragment (`#…`) is not allowed in a resource");
  let authority: string | null = null;
  let rawAuthority = "";
  let i = 0;
  if (rest.startsWith("//")) {
    let j = 2;
    const stopAtQuery = mode === "request";
    for (; j < rest.length; j++) {
      const c = rest.charCodeAt(j);
      if (c === 0x2f || (c === 0x3f && stopAtQuery)) break;
    }
    rawAuthority = rest.slice(2, j);
    const auth = normalizeAuthority(rawAuthority, scheme, mode);
    if (typeof auth !== "string") return fail(auth.error);
    authority = auth;
    i = j;
  }
  let pathEnd = rest.indexOf("?", i);
  if (pathEnd < 0) pathEnd = rest.length;
  let path = rest.slice(i, pathEnd);
  if (authority !== null && path === "" && (scheme === "http" || scheme === "https")) {
    if (!(mode === "pattern" && hasWildcard(authority))) path = "/";
  }
  const normalized = normalizePath(path);
  if (normalized === null) return fail("its path climbs above its root with `..`");
  const head = authority === null ? `${scheme}:` : `${scheme}://${authority}`;
  const unchanged =
    scheme === rawScheme &&
    authority === (authority === null ? null : rawAuthority) &&
    normalized === path &&
    path.length === pathEnd - i;
  // Reusing the caller's string keeps V8's cached hash for the index lookups that follow.
  const value = unchanged ? s : head + normalized + rest.slice(pathEnd);
  return { ok: true, value, pathStart: head.length, pathEnd: head.length + normalized.length };
}

/**
 * Canonicalises a requested resource: `*`, or an absolute URI of at most 16 KiB. `keys` are set
 * to the canonical value's index keys, hashed already on the common path when `hashKeys`.
 */
export function canonicalizeResource(
  input: string,
  keys: ResourceKeys = SCRATCH_KEYS,
  hashKeys = false,
): CanonResult {
  // By length first: comparing with "*" calls a builtin for every non-internalised string.
  if (input.length === 1 && input.charCodeAt(0) === 0x2a) {
    resetKeys(keys, "*");
    return { ok: true, value: "*", pathStart: 1, pathEnd: 1 };
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes: short inputs need no byte count.
  if (input.length > MAX_RESOURCE_BYTES / 3 && utf8Length(input) > MAX_RESOURCE_BYTES)
    return fail(`it is longer than ${MAX_RESOURCE_BYTES / 1024} KiB`);
  if (input.length === 0) return fail("it is empty");
  const quick = quickCanonical(input, keys, hashKeys);
  if (quick !== undefined) return quick;
  const full = fullCanonical(input);
  if (full.ok) resetKeys(keys, full.value);
  return full;
}

/** Keys for callers that want none (and for the rare paths, which reset the caller's). */
const SCRATCH_KEYS = newResourceKeys();

/** Step 1, then the remaining steps (or the one-pass check when step 1 left a canonical string). */
function fullCanonical(input: string): CanonResult {
  const step1 = normalizePercent(input);
  if (!step1.ok) return fail(step1.message);
  const s = step1.value;
  // Decoding escapes often leaves a canonical string: the one-pass check then suffices (when
  // step 1 changed nothing, it has failed already). Else every step.
  return (
    (s === input ? undefined : quickCanonical(s, SCRATCH_KEYS, false)) ??
    canonicalizeUri(s, "request")
  );
}
