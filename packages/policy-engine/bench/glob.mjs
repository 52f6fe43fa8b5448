/**
 * Glob helpers for the generator and the peers (never for the engine under test): `*` is any run of
 * characters, `?` exactly one, as in spec §2/§3. Callers fold case themselves where the spec says so.
 */

/** Iterative wildcard match, linear-ish without backtracking blow-up. */
export function globMatch(pattern, text) {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** An anchored regular expression for a `*`-only glob, every other character literal (casbin). */
export function globToRegex(pattern) {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join(".*");
  return `^${body}$`;
}
