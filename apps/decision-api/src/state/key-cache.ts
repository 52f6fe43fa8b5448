/**
 * API keys by hash, cached under the organization's decision stamp: a revocation, expiry change
 * or agent freeze raises the stamp, so every process reloads the key within the stamp check
 * (a second with pub/sub). Unknown hashes are remembered briefly, so a flood of made-up keys
 * costs Postgres one read each per `unknownTtlMs`; a real key cannot be guessed before it exists.
 */
import { type KeyRecord, lookupApiKey } from "@sekuire/core/decisions";
import type { Db } from "@sekuire/core/runtime";
import { BoundedMap } from "./bounded-map.js";
import { withDeadline } from "./deadline.js";
import type { OrganizationStamps } from "./stamps.js";

type Entry = { key: KeyRecord } | { key: null; at: number };

export interface KeyCacheOptions {
  timeoutMs: number;
  unknownTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
  /** counts hits and misses (metrics) */
  onLookup?: (hit: boolean) => void;
}

export class KeyCache {
  private readonly entries: BoundedMap<string, Entry>;
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly stamps: OrganizationStamps,
    private readonly options: KeyCacheOptions,
  ) {
    this.entries = new BoundedMap(options.maxEntries ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  /** The key of `hash` as of the current stamp, or null when no such key exists. */
  async get(hash: string): Promise<KeyRecord | null> {
    let entry = this.entries.get(hash);
    const unknownTtl = this.options.unknownTtlMs ?? 5_000;
    const fresh = entry && (entry.key !== null || this.now() - entry.at < unknownTtl);
    this.options.onLookup?.(Boolean(fresh));
    if (!entry || !fresh) entry = await this.load(hash);
    if (entry.key === null) return null;
    const stamp = await this.stamps.current(entry.key.organizationId, entry.key.stamp);
    if (stamp > entry.key.stamp) entry = await this.load(hash);
    return entry.key;
  }

  private load(hash: string): Promise<Entry> {
    const pending = this.loading.get(hash);
    if (pending) return pending;
    const load = withDeadline(
      "Postgres (the API key)",
      this.options.timeoutMs,
      lookupApiKey(this.db, hash),
    )
      .then((found): Entry => {
        const entry: Entry = found.found ? { key: found.key } : { key: null, at: this.now() };
        this.entries.set(hash, entry);
        if (found.found) this.stamps.observe(found.key.organizationId, found.key.stamp);
        return entry;
      })
      .finally(() => this.loading.delete(hash));
    this.loading.set(hash, load);
    return load;
  }
}
