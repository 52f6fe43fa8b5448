/**
 * The engine's module graph: no file imports itself through others, no two folders of src/
 * import each other (the root's shared leaves, types.ts and kin, aside), and nothing of ours is
 * imported (the engine is the one dependency every other package has).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

const files = sources(SRC).map((f) => relative(SRC, f));
const text = new Map(files.map((f) => [f, readFileSync(join(SRC, f), "utf8")]));
const specifiers = (f: string) =>
  [...(text.get(f) as string).matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((m) => m[1] as string);
const graph = new Map(
  files.map((f) => [
    f,
    specifiers(f)
      .filter((s) => s.startsWith("."))
      .map((s) => normalize(join(dirname(f), s)).replace(/\.js$/, ".ts")),
  ]),
);

/** One cycle through `start`, as a path, or undefined. */
function cycleFrom(start: string): string[] | undefined {
  const stack: string[] = [];
  const seen = new Set<string>();
  const walk = (f: string): string[] | undefined => {
    if (f === start && stack.length > 0) return [...stack, f];
    if (seen.has(f)) return undefined;
    seen.add(f);
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      const found = walk(t);
      if (found) return found;
    }
    stack.pop();
    return undefined;
  };
  return walk(start);
}

describe("the engine's imports", () => {
  it("form no file cycle", () => {
    const cycles = files.map(cycleFrom).filter((c) => c !== undefined);
    expect(cycles.map((c) => c.join(" -> "))).toEqual([]);
  });

  it("form no cycle between two folders of src/", () => {
    const edges = new Set<string>();
    for (const [f, targets] of graph)
      for (const t of targets) {
        const [a, b] = [dirname(f), dirname(t)];
        if (a !== b && a !== "." && b !== ".") edges.add(`${a} -> ${b}`);
      }
    const both = [...edges].filter((e) => edges.has(e.split(" -> ").reverse().join(" -> ")));
    expect(both).toEqual([]);
  });

  it("import nothing of ours", () => {
    const ours = files.filter((f) => specifiers(f).some((s) => s.startsWith("@sekuire/")));
    expect(ours).toEqual([]);
  });
});
