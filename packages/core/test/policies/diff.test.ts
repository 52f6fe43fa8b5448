import { describe, expect, it } from "vitest";
import { diffLines, prettyLines, toHunks } from "../../src/policies/diff.js";

describe("the line diff", () => {
  it("finds a shortest edit script", () => {
    const script = diffLines("a b c a b b a".split(" "), "c b a b a c".split(" "));
    // Myers' example: 5 edits (D = 5) and 4 common lines.
    expect(script.filter((l) => l.kind !== "unchanged")).toHaveLength(5);
    expect(script.filter((l) => l.kind === "unchanged")).toHaveLength(4);
  });

  it("rebuilds both sides from the script, with line numbers", () => {
    const cases: [string[], string[]][] = [
      [[], []],
      [[], ["x"]],
      [["x"], []],
      [
        ["1", "2", "3", "4"],
        ["0", "2", "3", "5", "6"],
      ],
      [
        ["a", "a", "a"],
        ["a", "b", "a"],
      ],
    ];
    for (const [a, b] of cases) {
      const lines = diffLines(a, b);
      expect(lines.filter((l) => l.kind !== "added").map((l) => l.text)).toEqual(a);
      expect(lines.filter((l) => l.kind !== "removed").map((l) => l.text)).toEqual(b);
      expect(lines.filter((l) => l.oldLine).map((l) => l.oldLine)).toEqual(a.map((_, i) => i + 1));
      expect(lines.filter((l) => l.newLine).map((l) => l.newLine)).toEqual(b.map((_, i) => i + 1));
    }
  });

  it("is minimal on random inputs (edits = n + m - 2 × LCS)", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: random(12) }, () => "abc"[random(3)] ?? "a");
      const b = Array.from({ length: random(12) }, () => "abc"[random(3)] ?? "a");
      const edits = diffLines(a, b).filter((l) => l.kind !== "unchanged").length;
      expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });

  it("shows a replaced line as its removal, then its addition", () => {
    expect(diffLines(["a", "b", "c"], ["a", "B", "c"]).map((l) => l.kind)).toEqual([
      "unchanged",
      "removed",
      "added",
      "unchanged",
    ]);
  });

  it("groups changes into hunks with context like diff -u", () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const b = [...a];
    b[1] = "changed 2";
    b[17] = "changed 18";
    const hunks = toHunks(diffLines(a, b), 2);
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([
      [1, 4, 1, 4],
      [16, 5, 16, 5],
    ]);
    expect(toHunks(diffLines(a, b), 10)).toHaveLength(1);
  });

  it("compares documents pretty-printed, so formatting alone is no change", () => {
    const one = prettyLines('{"Version":"2024-12-02","Statement":[]}');
    const two = prettyLines('{\n    "Version": "2024-12-02",\n "Statement": [ ]\n}');
    expect(toHunks(diffLines(one, two))).toEqual([]);
  });
});

function lcs(a: string[], b: string[]): number {
  const row = Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
