/**
 * Walks testdata/<area>/*.yaml and runs each file as a policy test suite (the same format users'
 * `sekuire test` files have): one vitest test per case or document, named for what it proves.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runPolicyTestSuite } from "../src/index.js";

const root = new URL("../testdata", import.meta.url).pathname;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return yamlFiles(p);
    return d.name.endsWith(".yaml") ? [p] : [];
  });
}

const files = yamlFiles(root).sort();

describe("golden files", () => {
  it("exist", () => expect(files.length).toBeGreaterThan(0));
});

for (const file of files) {
  describe(relative(root, file), () => {
    const suite = parse(readFileSync(file, "utf8"));
    const outcomes = runPolicyTestSuite(suite);
    it("has cases or documents", () => expect(outcomes.length).toBeGreaterThan(0));
    for (const o of outcomes) {
      it(`${o.kind}: ${o.name}`, () => {
        expect(o.problems, o.problems.join("\n")).toEqual([]);
      });
    }
  });
}
