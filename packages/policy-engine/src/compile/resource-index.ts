/**
 * Candidate statements by resource. A pattern's literal prefix, cut back to its last `/`, is a key
 * (exact patterns too); a request looks up its own `/`-ended prefixes at the depths some key has,
 * so only statements whose patterns could match are visited. Keys are hashes computed while
 * scanning the request once (no substring is allocated); a collision only adds a candidate.
 */
import { FNV_OFFSET, fnv, fnvStep } from "./hash.js";
import type { CompiledStatement } from "./types.js";

export interface Entry {
  st: CompiledStatement;
  /** the action still has to be checked (wildcard or NotAction entries) */
  checkAction: boolean;
}

/** Keys stop after this many `/`, so a request with thousands of slashes costs a bounded lookup. */
export const MAX_KEY_DEPTH = 12;

/** The key of a literal prefix: its hash up to its last `/` and how many `/` that holds. */
function keyOf(prefix: string): { hash: number; depth: number } | undefined {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < prefix.length && depth < MAX_KEY_DEPTH; i++) {
    if (prefix.charCodeAt(i) === 47) {
      cut = i;
      depth++;
    }
  }
  return cut < 0 ? undefined : { hash: fnv(prefix, 0, cut + 1), depth };
}

/**
 * A request resource's lookup keys: the hash at each of its first `/`s, computed on demand and
 * only as deep as some list asks (a host-level list never makes the whole path be hashed).
 */
export interface ResourceKeys {
  resource: string;
  /** prefixes[d - 1]: hash of the resource up to its d-th `/` (valid below `count`) */
  prefixes: number[];
  count: number;
  /** where hashing stopped, and the hash so far */
  pos: number;
  hash: number;
}

export function newResourceKeys(): ResourceKeys {
  return {
    resource: "",
    prefixes: new Array<number>(MAX_KEY_DEPTH).fill(0),
    count: 0,
    pos: 0,
    hash: FNV_OFFSET,
  };
}

export function resetKeys(keys: ResourceKeys, resource: string): void {
  keys.resource = resource;
  keys.count = 0;
  keys.pos = 0;
  keys.hash = FNV_OFFSET;
}

/** Hashes on until `depth` prefixes are known (or the resource ends), allocating nothing. */
function hashTo(keys: ResourceKeys, depth: number): void {
  const s = keys.resource;
  let h = keys.hash;
  let count = keys.count;
  let i = keys.pos;
  for (; i < s.length && count < depth; i++) {
    const c = s.charCodeAt(i);
    h = fnvStep(h, c);
    if (c === 47) keys.prefixes[count++] = h;
  }
  keys.pos = i;
  keys.hash = h;
  keys.count = count;
}

export class ResourceIndex {
  private readonly root: Entry[] = [];
  private readonly byKey = new Map<number, Entry[]>();
  /** bit d set: some key has depth d */
  private depths = 0;
  size = 0;

  /** The deepest key in this index (0: none). */
  get maxDepth(): number {
    return this.depths === 0 ? 0 : 31 - Math.clz32(this.depths);
  }

  add(e: Entry): void {
    this.size++;
    const ir = e.st.ir;
    if (ir.notResource) {
      this.root.push(e);
      return;
    }
    const keys = new Set<number>();
    let root = false;
    for (const r of ir.resources) {
      const p = r.pattern;
      // A pattern with a variable may fail to evaluate, and then a Deny holds whatever the
      // resource (spec §8): it must be visited for every resource.
      const key = p.isStar || p.tokens !== undefined ? undefined : keyOf(p.prefix);
      if (!key) root = true;
      else {
        keys.add(key.hash);
        this.depths |= 1 << key.depth;
      }
    }
    if (root) this.root.push(e);
    for (const k of keys) {
      const list = this.byKey.get(k);
      if (list) list.push(e);
      else this.byKey.set(k, [e]);
    }
  }

  /**
   * Writes the lists of entries that could match into out[n], out[n+1], … and returns the new
   * count (an entry may repeat across lists). Nothing is allocated or resized.
   */
  lists(keys: ResourceKeys, out: Entry[][], n: number): number {
    if (this.root.length > 0) out[n++] = this.root;
    if (this.depths === 0) return n;
    const deepest = this.maxDepth;
    if (keys.count < deepest) hashTo(keys, deepest);
    const count = Math.min(keys.count, deepest);
    for (let d = 1; d <= count; d++) {
      if ((this.depths & (1 << d)) === 0) continue;
      const list = this.byKey.get(keys.prefixes[d - 1] as number);
      if (list) out[n++] = list;
    }
    return n;
  }
}
