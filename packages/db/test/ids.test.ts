import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ID_PREFIXES, isId, newId } from "../src/ids.js";
import { defaultPaths } from "../src/migrate/paths.js";

describe("ids", () => {
  it("are the prefix and 32 hex characters", () => {
    const id = newId("org");
    expect(id).toMatch(/^org_[0-9a-f]{32}$/);
    expect(isId("org", id)).toBe(true);
    expect(newId("org")).not.toBe(id);
  });

  it("are recognised only with their own prefix and shape", () => {
    expect(isId("ws", newId("agt"))).toBe(false);
    expect(isId("org", "org_")).toBe(false);
    expect(isId("org", `org_${"G".repeat(32)}`)).toBe(false);
    expect(isId("org", 42)).toBe(false);
  });

  it("match the database defaults in schema.prisma, model by model", () => {
    const schema = readFileSync(defaultPaths.schemaPath, "utf8");
    const defaults = new Map<string, string>();
    for (const match of schema.matchAll(
      /^model (\w+) \{\n\s+id\s+String\s+@id @default\(dbgenerated\("\('(\w+)_'/gm,
    )) {
      defaults.set(match[1] as string, match[2] as string);
    }
    expect(Object.fromEntries(defaults)).toEqual(ID_PREFIXES);
  });
});
