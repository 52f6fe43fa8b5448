/**
 * Where a sign-in may send the browser afterwards: a path on the console's own origin, never
 * anywhere else (an open redirect turns a trusted link into a phishing one).
 *
 * Rule: the value is resolved the way a browser would (WHATWG URL, against the console's
 * origin) and survives only when
 *  - it is a path (`/…`) or an absolute `http(s)://` URL (so `app`, `https:x`, `javascript:`
 *    fail),
 *  - it holds no whitespace, control character or backslash (browsers drop tabs and newlines
 *    and read `\` as `/`, which is how `/\evil` and `/\t/evil` become `//evil`),
 *  - it resolves to the console's origin (so `//x` and other hosts fail),
 *  - its path has no percent-encoded `/`, `\` or `.` (%2F, %5C, %2E exist only to fool a later
 *    decoder: `/%2F%2Fx`, `/%2e%2e/…`),
 *  - and the path+query+fragment we return resolves to the same URL again: after dot segments
 *    are removed, `/x/..//evil` is `//evil`, which a browser reads as another host.
 * Anything else gives `/app`. Absolute URLs on the console's origin become their path.
 */
export const DEFAULT_CALLBACK = "/app";

// Whitespace, C0 controls, DEL and backslash: refused rather than silently stripped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f\\]/;
const ENCODED_SEPARATOR = /%(2f|5c|2e)/i;
const PATH_OR_WEB_URL = /^(\/|https?:\/\/)/i;

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/** `value` as a same-origin path (with query and fragment), or `/app`. */
export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  if (!value || value.length > 2048 || UNSAFE_CHARACTERS.test(value)) return DEFAULT_CALLBACK;
  if (!PATH_OR_WEB_URL.test(value)) return DEFAULT_CALLBACK;
  const base = parse(origin);
  const url = base && parse(value, base.origin);
  if (!base || !url || url.origin !== base.origin) return DEFAULT_CALLBACK;
  if (ENCODED_SEPARATOR.test(url.pathname)) return DEFAULT_CALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  const again = parse(path, base.origin);
  if (!path.startsWith("/") || path.startsWith("//") || again?.href !== url.href)
    return DEFAULT_CALLBACK;
  return path;
}
