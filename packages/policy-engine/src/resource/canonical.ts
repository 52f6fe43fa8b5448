/**
 * Canonical form of resources (spec §3, §8), shared by requests and policy patterns so that both
 * sides of a match are spelled the same way.
 */
import { utf8Length } from "../json/from-text.js";
import { MAX_RESOURCE_BYTES } from "../limits.js";
import { normalizePercent } from "./percent.js";

export type CanonResult =
  | { ok: true; value: string; pathStart: number; pathEnd: number }
  | { ok: false; message: string };

type Mode = "request" | "pattern";

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DEFAULT_PORT: Record<string, string> = { http: "80", https: "443" };

function fail(message: string): CanonResult {
  return { ok: false, message };
}

/** Lower-cases ASCII letters but keeps %XX escapes upper-case. */
function lowerKeepingEscapes(s: string): string {
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

/** RFC 3986 §5.2.4 on a path whose slashes are already collapsed; null when it climbs above root. */
export function removeDotSegments(path: string): string | null {
  if (!path.includes(".")) return path;
  const absolute = path.startsWith("/");
  const segs = path.split("/");
  const out: string[] = [];
  let trailingSlash = false;
  for (let k = absolute ? 1 : 0; k < segs.length; k++) {
    const seg = segs[k] as string;
    const isLast = k === segs.length - 1;
    if (seg === ".") {
      trailingSlash = isLast;
    } else if (seg === "..") {
      if (out.length === 0) return null;
      out.pop();
      trailingSlash = isLast;
    } else {
      out.push(seg);
      trailingSlash = false;
    }
  }
  let result = (absolute ? "/" : "") + out.join("/");
  if (trailingSlash && out.length > 0) result += "/";
  return result;
}

function normalizePath(path: string): string | null {
  const collapsed = path.includes("//") ? path.replace(/\/{2,}/g, "/") : path;
  return removeDotSegments(collapsed);
}

/**
 * Steps 2 and 3 of §8 on a string already in step-1 form. In pattern mode `?` is a wildcard, so it
 * does not end the authority; the path still ends at the first `?` (a query is matched literally).
 */
export function canonicalizeUri(s: string, mode: Mode): CanonResult {
  const m = SCHEME.exec(s);
  if (!m) return fail("it is not an absolute URI (it has no `scheme:`)");
  const scheme = m[0].slice(0, -1).toLowerCase();
  const rest = s.slice(m[0].length);
  if (rest.includes("#")) return fail("a fragment (`#…`) is not allowed in a resource");
  let authority: string | null = null;
  let i = 0;
  if (rest.startsWith("//")) {
    let j = 2;
    while (j < rest.length && rest[j] !== "/" && !(mode === "request" && rest[j] === "?")) j++;
    const auth = normalizeAuthority(rest.slice(2, j), scheme, mode);
    if (typeof auth !== "string") return fail(auth.error);
    authority = auth;
    i = j;
  }
  let pathEnd = rest.indexOf("?", i);
  if (pathEnd < 0) pathEnd = rest.length;
  let path = rest.slice(i, pathEnd);
  const query = rest.slice(pathEnd);
  if (authority !== null && path === "" && (scheme === "http" || scheme === "https")) {
    if (!(mode === "pattern" && hasWildcard(authority))) path = "/";
  }
  const normalized = normalizePath(path);
  if (normalized === null) return fail("its path climbs above its root with `..`");
  const head = authority === null ? `${scheme}:` : `${scheme}://${authority}`;
  return {
    ok: true,
    value: head + normalized + query,
    pathStart: head.length,
    pathEnd: head.length + normalized.length,
  };
}

/** Canonicalises a requested resource: `*`, or an absolute URI of at most 16 KiB. */
export function canonicalizeResource(input: string): CanonResult {
  if (input === "*") return { ok: true, value: "*", pathStart: 1, pathEnd: 1 };
  if (input.length > MAX_RESOURCE_BYTES || utf8Length(input) > MAX_RESOURCE_BYTES)
    return fail(`it is longer than ${MAX_RESOURCE_BYTES / 1024} KiB`);
  if (input.length === 0) return fail("it is empty");
  const step1 = normalizePercent(input);
  if (!step1.ok) return fail(step1.message);
  return canonicalizeUri(step1.value, "request");
}
