/**
 * Candidate statements by resource. A pattern's literal prefix, cut back to its last `/`, is a key;
 * a request looks up each of its own `/`-ended prefixes, so only statements whose patterns could
 * match are visited. Exact patterns get their own map. Small lists are not worth indexing.
 */
import { isExact } from "../match/glob.js";
import type { CompiledStatement } from "./types.js";

export interface Entry {
  st: CompiledStatement;
  /** the action still has to be checked (wildcard or NotAction entries) */
  checkAction: boolean;
}

/** Keys stop after this many `/`, so a request with thousands of slashes costs a bounded lookup. */
const MAX_KEY_SLASHES = 12;
const INDEX_THRESHOLD = 12;

function keyOf(prefix: string): string {
  let slashes = 0;
  let cut = -1;
  for (let i = 0; i < prefix.length; i++) {
    if (prefix.charCodeAt(i) === 47) {
      cut = i;
      if (++slashes === MAX_KEY_SLASHES) break;
    }
  }
  return cut < 0 ? "" : prefix.slice(0, cut + 1);
}

function push<K>(map: Map<K, Entry[]>, key: K, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

export class ResourceIndex {
  private readonly all: Entry[] = [];
  private root: Entry[] = [];
  private exact = new Map<string, Entry[]>();
  private byPrefix = new Map<string, Entry[]>();
  private indexed = false;

  add(e: Entry): void {
    this.all.push(e);
  }

  get size(): number {
    return this.all.length;
  }

  /** Builds the maps once all entries are in. */
  seal(): void {
    if (this.all.length < INDEX_THRESHOLD) return;
    this.indexed = true;
    for (const e of this.all) this.place(e);
  }

  private place(e: Entry): void {
    const ir = e.st.ir;
    if (ir.notResource) {
      this.root.push(e);
      return;
    }
    const keys = new Set<string>();
    for (const r of ir.resources) {
      const p = r.pattern;
      // A pattern with a variable may fail to evaluate, and then a Deny holds whatever the
      // resource (spec §8): it must be visited for every resource.
      if (p.isStar || p.prefix === "" || p.tokens !== undefined) keys.add("\0root");
      else if (p.glob !== undefined && isExact(p.glob)) keys.add(`\0exact${p.glob.text}`);
      else keys.add(keyOf(p.prefix));
    }
    for (const k of keys) {
      if (k === "\0root" || k === "") this.root.push(e);
      else if (k.startsWith("\0exact")) push(this.exact, k.slice(6), e);
      else push(this.byPrefix, k, e);
    }
  }

  /** Appends the lists of entries that could match the resource (an entry may repeat). */
  lists(resource: string, out: Entry[][]): void {
    if (!this.indexed) {
      if (this.all.length > 0) out.push(this.all);
      return;
    }
    if (this.root.length > 0) out.push(this.root);
    const exact = this.exact.size > 0 ? this.exact.get(resource) : undefined;
    if (exact) out.push(exact);
    if (this.byPrefix.size === 0) return;
    let slashes = 0;
    for (let i = 0; i < resource.length; i++) {
      if (resource.charCodeAt(i) !== 47) continue;
      const list = this.byPrefix.get(resource.slice(0, i + 1));
      if (list) out.push(list);
      if (++slashes === MAX_KEY_SLASHES) break;
    }
  }
}
