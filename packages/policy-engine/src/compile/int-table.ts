/**
 * A map from 30-bit hash keys (see hash.ts) to values, by open addressing over an Int32Array.
 * The index looks keys up several times per decision; a Map's lookup is a builtin call each time,
 * this one is a few instructions the optimiser inlines. Built once at compile time, then read-only.
 */

const EMPTY = -1;

export class IntTable<V> {
  private keys: Int32Array = new Int32Array(8).fill(EMPTY);
  private values: Array<V | undefined> = new Array<V | undefined>(8).fill(undefined);
  private mask = 7;
  /** 32 - log2(capacity): the start slot is the top bits of a Fibonacci-hashed key */
  private shift = 29;
  size = 0;

  private start(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): V | undefined {
    const keys = this.keys;
    for (let i = this.start(key); ; i = (i + 1) & this.mask) {
      const k = keys[i] as number;
      if (k === key) return this.values[i];
      if (k === EMPTY) return undefined;
    }
  }

  set(key: number, value: V): void {
    if (key < 0 || key > 0x3fffffff) throw new RangeError(`IntTable key ${key} is not 30-bit`);
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    let i = this.start(key);
    while (keys[i] !== EMPTY && keys[i] !== key) i = (i + 1) & this.mask;
    if (keys[i] === EMPTY) this.size++;
    keys[i] = key;
    this.values[i] = value;
  }

  *entries(): IterableIterator<[number, V]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i] as number;
      if (k !== EMPTY) yield [k, this.values[i] as V];
    }
  }

  private grow(): void {
    const old = [...this.entries()];
    const capacity = this.keys.length * 2;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.size = 0;
    for (const [k, v] of old) this.set(k, v);
  }
}
