import { describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH, slugify, slugSchema } from "../src/index.js";

describe("slugify", () => {
  it.each([
    ["Production EU", "production-eu"],
    ["  Ünïcödé — names!  ", "unicode-names"],
    ["***", ""],
  ])("%j → %j", (name, slug) => expect(slugify(name)).toBe(slug));

  it("never ends in a dash when it cuts a long name, and always passes the schema", () => {
    const name = `${"a".repeat(SLUG_MAX_LENGTH - 1)} b`;
    const slug = slugify(name);
    expect(slug).toBe("a".repeat(SLUG_MAX_LENGTH - 1));
    for (const n of [name, "x ".repeat(40), "Ab-Cd  Ef", "über-große Straße"])
      expect(slugSchema.safeParse(slugify(n)).success).toBe(true);
  });
});
