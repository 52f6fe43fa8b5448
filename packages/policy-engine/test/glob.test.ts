import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globFromPattern, globStats, matchGlob } from "../src/match/glob.js";

/** A plain dynamic-programming matcher: obviously correct, used as the reference. */
function reference(pattern: string, input: string): boolean {
  const n = pattern.length;
  const m = input.length;
  let next = new Array<boolean>(m + 1).fill(false);
  next[m] = true;
  for (let i = n - 1; i >= 0; i--) {
    const row = new Array<boolean>(m + 1).fill(false);
    for (let j = m; j >= 0; j--) {
      const c = pattern[i];
      if (c === "*") row[j] = Boolean(next[j] || (j < m && row[j + 1]));
      else row[j] = j < m && (c === "?" || c === input[j]) && Boolean(next[j + 1]);
    }
    next = row;
  }
  return Boolean(next[0]);
}

const patternArb = fc.string({
  unit: fc.constantFrom("a", "b", ":", "/", "*", "?"),
  maxLength: 12,
});
const inputArb = fc.string({ unit: fc.constantFrom("a", "b", ":", "/"), maxLength: 16 });

describe("glob matcher", () => {
  it("agrees with a reference matcher on random patterns and inputs", () => {
    fc.assert(
      fc.property(patternArb, inputArb, (p, s) => {
        expect(matchGlob(globFromPattern(p), s)).toBe(reference(p, s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees when the input is built to match the pattern", () => {
    // Random inputs rarely match long patterns; fill the wildcards instead.
    const filled = patternArb.chain((p) =>
      fc
        .array(fc.string({ unit: fc.constantFrom("a", "b", "*"), maxLength: 4 }), {
          minLength: p.length,
          maxLength: p.length,
        })
        .map((fills) => ({
          p,
          s: [...p].map((c, i) => (c === "*" ? fills[i] : c === "?" ? "b" : c)).join(""),
        })),
    );
    fc.assert(
      fc.property(filled, ({ p, s }) => {
        expect(matchGlob(globFromPattern(p), s)).toBe(true);
        expect(reference(p, s)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it("`*` crosses `:` and `/`, `?` is exactly one character", () => {
    expect(matchGlob(globFromPattern("tool:*"), "tool:git:commit")).toBe(true);
    expect(matchGlob(globFromPattern("file://workspace/*"), "file://workspace/a/b/c")).toBe(true);
    expect(matchGlob(globFromPattern("file://workspace/*"), "file://workspace")).toBe(false);
    expect(matchGlob(globFromPattern("a?c"), "abc")).toBe(true);
    expect(matchGlob(globFromPattern("a?c"), "ac")).toBe(false);
  });
});

describe("glob matcher cost", () => {
  const input = "a".repeat(16 * 1024);
  const adversarial = [
    `*${"a*".repeat(40)}b`,
    `${"a*".repeat(40)}b`,
    `*${"a".repeat(30)}b*`,
    `*${"a?".repeat(20)}b*${"a".repeat(10)}`,
    `${"*a".repeat(200)}*b*`,
  ];

  for (const pattern of adversarial) {
    it(`stays within pattern x input steps on ${pattern.slice(0, 24)}… against 16 KiB`, () => {
      const g = globFromPattern(pattern);
      globStats.steps = 0;
      expect(matchGlob(g, input)).toBe(false);
      // Linear in the input for each part: never more than one pass per pattern character.
      expect(globStats.steps).toBeLessThanOrEqual((pattern.length + 1) * (input.length + 1));
      // And far below what a backtracking matcher needs (exponential in the number of stars).
      expect(globStats.steps).toBeGreaterThan(0);
    });
  }

  it("does a single pass for many stars separated by one-character parts", () => {
    const g = globFromPattern(`*${"a*".repeat(1000)}b`);
    globStats.steps = 0;
    expect(matchGlob(g, input)).toBe(false);
    expect(globStats.steps).toBeLessThanOrEqual(2 * (input.length + 2002));
  });
});
