/**
 * FNV-1a over UTF-16 units, computed incrementally while scanning a string, so that index lookups
 * by prefix allocate nothing. A collision only adds a candidate, which the full matcher rejects.
 */
export const FNV_OFFSET = 0x011c9dc5;

/** Kept to 30 bits so that V8 stores it as a small integer: no heap number per step or key. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) & 0x3fffffff;
}

export function fnv(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}
