/**
 * What canonicalising a resource gives: the canonical text and where its path lies, or why it is
 * invalid. Its own module so the full steps (canonical.ts) and the one-pass reader that skips
 * them (one-pass.ts, rewrite-path.ts) share it without importing each other.
 */
export type CanonResult =
  | { ok: true; value: string; pathStart: number; pathEnd: number }
  | { ok: false; message: string };
