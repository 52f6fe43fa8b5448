/**
 * Character classes for the one-pass reading of a resource (one-pass.ts, rewrite-path.ts): which
 * characters a canonical resource may hold as they are.
 */
import { URI_CHAR } from "./percent.js";

/** Characters that need no attention in a canonical host / path: URI characters other than
 * `%`, `#`, `/`, `?`, `.` (and, in a host, upper case, `@`, `:`, `[`). */
export const HOST_PLAIN = new Uint8Array(128);
export const PATH_PLAIN = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (URI_CHAR[c] !== 1 || c === 0x25 || c === 0x23 || c === 0x2f || c === 0x3f) continue;
  if (c !== 0x2e) PATH_PLAIN[c] = 1;
  if (!(c >= 0x41 && c <= 0x5a) && c !== 0x40 && c !== 0x3a && c !== 0x5b) HOST_PLAIN[c] = 1;
}

/** Characters after a scheme's first letter: lower-case letters, digits, `+`, `-`, `.`. */
export const SCHEME_REST = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const digit = c >= 0x30 && c <= 0x39;
  SCHEME_REST[c] =
    (c >= 0x61 && c <= 0x7a) || digit || c === 0x2b || c === 0x2d || c === 0x2e ? 1 : 0;
}

/** A query is kept as written, but escapes and characters outside the URI alphabet need the full steps. */
export function plainQuery(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || URI_CHAR[c] !== 1 || c === 0x25 || c === 0x23) return false;
  }
  return true;
}

/** The text before the path, lower-cased (the one pass saw upper case there, and no escape). */
export function lowerHead(s: string, pathStart: number): string {
  return s.slice(0, pathStart).toLowerCase();
}
