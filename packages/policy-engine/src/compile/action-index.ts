/**
 * Candidate statements by action: exact actions in a map, wildcard patterns under their service
 * (`file:*` under `file`), the rest (`*`, `*:Read`, NotAction) in one global list. Each list is
 * in turn indexed by resource.
 */
import { isExact, literalPrefix } from "../match/glob.js";
import { newResourceKeys, type ResourceKeys } from "../resource/prefix-keys.js";
import { ResourceIndex } from "./resource-index.js";
import type { Entry } from "./table.js";
import type { CompiledStatement } from "./types.js";

/** A merged copy holds at most this many entries (it is built on an action's first request). */
const MAX_MERGED = 512;
const MIN_MERGE_BUDGET = 8192;

function getOrCreate(map: Map<string, ResourceIndex>, key: string): ResourceIndex {
  let idx = map.get(key);
  if (!idx) {
    idx = new ResourceIndex();
    map.set(key, idx);
  }
  return idx;
}

export class ActionIndex {
  private readonly exact = new Map<string, ResourceIndex>();
  private readonly service = new Map<string, ResourceIndex>();
  private readonly global = new ResourceIndex();
  /**
   * The request resource's keys, reused per request (evaluation is synchronous): filled by
   * canonicalizeResource, then read by listsOf before any condition runs.
   */
  readonly keys: ResourceKeys = newResourceKeys();
  private statements = 0;
  /** entries that merged copies (planIndexes) may still hold in all */
  private mergeBudget = 0;
  /** with few services, `service:` prefixes are compared in turn: cheaper than cutting a key */
  private serviceList: Array<{ prefix: string; index: ResourceIndex }> | undefined;

  add(st: CompiledStatement): void {
    this.statements++;
    if (st.ir.notAction) {
      this.global.add({ st, checkAction: true });
      return;
    }
    const targets = new Map<ResourceIndex, Entry>();
    for (const a of st.ir.actions) {
      const glob = a.pattern.glob;
      let idx: ResourceIndex;
      if (isExact(glob)) idx = getOrCreate(this.exact, glob.text);
      else {
        const prefix = literalPrefix(glob);
        const colon = prefix.indexOf(":");
        idx = colon > 0 ? getOrCreate(this.service, prefix.slice(0, colon)) : this.global;
      }
      // Exact lists need no action check; the others run the statement's full action match.
      if (!targets.has(idx)) targets.set(idx, { st, checkAction: !isExact(glob) });
    }
    for (const [idx, entry] of targets) idx.add(entry);
  }

  /** Call once all statements are in. */
  seal(): void {
    this.mergeBudget = Math.max(MIN_MERGE_BUDGET, 4 * this.statements);
    this.global.seal();
    for (const idx of this.exact.values()) idx.seal();
    for (const idx of this.service.values()) idx.seal();
    this.serviceList =
      this.service.size <= 8
        ? [...this.service].map(([s, index]) => ({ prefix: `${s}:`, index }))
        : undefined;
  }

  private serviceOf(action: string): ResourceIndex | undefined {
    const list = this.serviceList;
    if (list === undefined) return this.service.get(action.slice(0, action.indexOf(":")));
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as { prefix: string; index: ResourceIndex };
      if (action.startsWith(s.prefix)) return s.index;
    }
    return undefined;
  }

  /** The indexes an action's candidates come from; `action` is canonical (lower-case). */
  indexesOf(action: string): ResourceIndex[] {
    const out: ResourceIndex[] = [];
    const exact = this.exact.get(action);
    if (exact) out.push(exact);
    const service = this.serviceOf(action);
    if (service) out.push(service);
    if (this.global.size > 0) out.push(this.global);
    return out;
  }

  /**
   * The indexes an action's plan searches: when the action's candidates come from more than its
   * exact index, one merged copy of them keeping only the statements `matches` accepts (the
   * action test, run once per plan instead of per request), so that a request visits one index
   * and checks no action. Copies are small (MAX_MERGED entries) and, per set, share a budget of
   * a few times its statements; past either, the shared indexes as indexesOf gives them.
   */
  planIndexes(action: string, matches: (st: CompiledStatement) => boolean): ResourceIndex[] {
    const sources = this.indexesOf(action);
    const exact = this.exact.get(action);
    if (sources.length === 0 || (sources.length === 1 && sources[0] === exact)) return sources;
    const total = sources.reduce((n, idx) => n + idx.size, 0);
    if (total > MAX_MERGED || total > this.mergeBudget) return sources;
    const merged = new ResourceIndex();
    const seen = new Set<CompiledStatement>();
    for (const idx of sources) {
      for (const e of idx.entries) {
        if (seen.has(e.st) || (e.checkAction && !matches(e.st))) continue;
        seen.add(e.st);
        merged.add({ st: e.st, checkAction: false });
      }
    }
    merged.seal();
    this.mergeBudget -= merged.size;
    return [merged];
  }

  /**
   * Lists of entries that could match from the given indexes (an action's plan), for the
   * resource `keys` were last set to (by canonicalizeResource or resetKeys).
   */
  listsOf(indexes: readonly ResourceIndex[], out: Entry[][]): number {
    const keys = this.keys;
    let n = 0;
    for (let i = 0; i < indexes.length; i++) n = (indexes[i] as ResourceIndex).lists(keys, out, n);
    return n;
  }
}
