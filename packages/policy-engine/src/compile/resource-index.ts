/**
 * Candidate statements by resource. A pattern's literal prefix, cut back to its last `/`, is a key
 * (exact patterns too); a request looks up its own `/`-ended prefixes at the depths some key has,
 * so only statements whose patterns could match are visited. Keys are hashes computed while
 * scanning the request once (no substring is allocated); a collision only adds a candidate.
 */

import { fnv } from "../resource/hash.js";
import { hashTo, MAX_KEY_DEPTH, type ResourceKeys } from "../resource/prefix-keys.js";
import { groupList } from "./group-list.js";
import { IntTable } from "./int-table.js";
import type { Entry, EntryList } from "./table.js";

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

export class ResourceIndex {
  /** every entry added, once (for merged copies, see ActionIndex.planIndexes) */
  readonly entries: Entry[] = [];
  private readonly root: EntryList = [];
  private readonly byKey = new IntTable<EntryList>();
  /** bit d set: some key has depth d */
  private depths = 0;
  size = 0;

  /** The deepest key in this index (0: none). */
  get maxDepth(): number {
    return this.depths === 0 ? 0 : 31 - Math.clz32(this.depths);
  }

  add(e: Entry): void {
    this.size++;
    this.entries.push(e);
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

  /** Call once all entries are in: builds the threshold groups. */
  seal(): void {
    groupList(this.root);
    for (const [, list] of this.byKey.entries()) groupList(list);
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
