/**
 * Relations between two wildcard patterns, for lint: does one cover the other (every string the
 * second matches, the first matches too), and can they match a common string. Both are dynamic
 * programs over the two patterns; a shared work budget keeps huge policies from slowing lint down.
 */

export class Budget {
  constructor(public cells: number) {}
  spend(n: number): boolean {
    this.cells -= n;
    return this.cells >= 0;
  }
}

const MAX_LEN = 512;

/** true when every string matched by `a` is matched by `p`; undefined when over budget. */
export function covers(p: string, a: string, budget: Budget): boolean | undefined {
  if (p === "*" || p === a) return true;
  if (p.length > MAX_LEN || a.length > MAX_LEN || !budget.spend((p.length + 1) * (a.length + 1)))
    return undefined;
  const m = a.length;
  // row[j] = P[i:] covers A[j:], computed from the last row of P upwards.
  let next = new Uint8Array(m + 1);
  next[m] = 1;
  for (let i = p.length - 1; i >= 0; i--) {
    const row = new Uint8Array(m + 1);
    const c = p[i];
    for (let j = m; j >= 0; j--) {
      if (c === "*") row[j] = next[j] || (j < m && row[j + 1]) ? 1 : 0;
      else if (j === m) row[j] = 0;
      else if (c === "?") row[j] = a[j] !== "*" && next[j + 1] ? 1 : 0;
      else row[j] = a[j] === c && next[j + 1] ? 1 : 0;
    }
    next = row;
  }
  return next[0] === 1;
}

/** true when some string is matched by both patterns; undefined when over budget. */
export function intersects(a: string, b: string, budget: Budget): boolean | undefined {
  if (a === "*" || b === "*" || a === b) return true;
  if (a.length > MAX_LEN || b.length > MAX_LEN || !budget.spend((a.length + 1) * (b.length + 1)))
    return undefined;
  const n = a.length;
  const m = b.length;
  const g = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  for (let i = n; i >= 0; i--) {
    const row = g[i] as Uint8Array;
    const below = g[i + 1];
    for (let j = m; j >= 0; j--) {
      const ca = a[i];
      const cb = b[j];
      let v = false;
      if (i === n && j === m) v = true;
      else if (ca === "*") v = Boolean((below as Uint8Array)[j] || (j < m && row[j + 1]));
      else if (cb === "*") v = Boolean(row[j + 1] || (i < n && (below as Uint8Array)[j]));
      else if (i < n && j < m)
        v = (ca === cb || ca === "?" || cb === "?") && (below as Uint8Array)[j + 1] === 1;
      row[j] = v ? 1 : 0;
    }
  }
  return (g[0] as Uint8Array)[0] === 1;
}
