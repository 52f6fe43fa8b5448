/** IntTable must behave as a Map of 30-bit keys, whatever the keys' collisions and its growth. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntTable } from "../src/compile/int-table.js";

const key = fc.integer({ min: 0, max: 0x3fffffff });

describe("IntTable", () => {
  it("answers every lookup as a Map does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.string()), { maxLength: 300 }),
        fc.array(key),
        (pairs, probes) => {
          const table = new IntTable<string>();
          const map = new Map<number, string>();
          for (const [k, v] of pairs) {
            table.set(k, v);
            map.set(k, v);
          }
          expect(table.size).toBe(map.size);
          for (const [k] of pairs) expect(table.get(k)).toBe(map.get(k));
          for (const k of probes) expect(table.get(k)).toBe(map.get(k));
          expect(new Map(table.entries())).toEqual(map);
        },
      ),
    );
  });

  it("keeps keys that start at the same slot apart", () => {
    const table = new IntTable<number>();
    // Keys 2^20 apart share their low 20 bits; 1,000 of them grow the table seven times.
    for (let i = 0; i < 1000; i++) table.set(i * 2 ** 20, i);
    for (let i = 0; i < 1000; i++) expect(table.get(i * 2 ** 20)).toBe(i);
    expect(table.size).toBe(1000);
    expect(table.get(0x3fffffff)).toBeUndefined();
  });

  it("refuses a key outside 30 bits", () => {
    expect(() => new IntTable<number>().set(-1, 0)).toThrow(RangeError);
    expect(() => new IntTable<number>().set(2 ** 30, 0)).toThrow(RangeError);
  });
});
