/**
 * A Map that forgets its oldest entries past a size, so a flood of distinct keys (unknown API
 * keys, many workspaces) cannot grow a process without bound. Insertion order is age.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
