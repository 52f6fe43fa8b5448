/**
 * Every finding message of every golden document reads as a sentence: it starts with a capital or
 * a quoted name, ends with "." or "?", and never with "?.".
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parsePolicy } from "../src/index.js";

const root = new URL("../testdata", import.meta.url).pathname;

function documents(dir: string): unknown[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return documents(p);
    if (!d.name.endsWith(".yaml")) return [];
    const suite = parse(readFileSync(p, "utf8")) as {
      documents?: Array<{ text?: string; document?: unknown }>;
    };
    return (suite.documents ?? []).map((doc) =>
      typeof doc.text === "string" ? doc.text : doc.document,
    );
  });
}

describe("finding messages", () => {
  const messages = documents(root).flatMap((input) =>
    parsePolicy(input).findings.map((f) => f.message),
  );

  it("are drawn from many documents", () => expect(messages.length).toBeGreaterThan(300));

  it("read as sentences", () => {
    const bad = messages.filter((m) => !/^[A-Z`"]/.test(m) || !/[.?]$/.test(m) || m.includes("?."));
    expect(bad).toEqual([]);
  });
});
