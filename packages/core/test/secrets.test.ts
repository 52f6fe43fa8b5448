import { describe, expect, it } from "vitest";
import { checkSecret, displaySecret, generateSecret, hashSecret } from "../src/secrets.js";

describe("secrets", () => {
  it("have the recognisable shape and a valid checksum", () => {
    for (const kind of ["live", "admin"] as const) {
      const s = generateSecret(kind);
      expect(s.secret).toMatch(new RegExp(`^sek_${kind}_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$`));
      expect(checkSecret(s.secret)).toBe(kind);
      expect(s.prefix).toBe(s.secret.slice(0, `sek_${kind}_`.length + 4));
      expect(s.lastFour).toBe(s.secret.slice(-4));
      expect(s.hash).toBe(hashSecret(s.secret));
      expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("are unique", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateSecret("live").secret));
    expect(seen.size).toBe(2000);
  });

  it("fail the offline check when any one character is changed", () => {
    const { secret } = generateSecret("live");
    const start = "sek_live_".length;
    let caught = 0;
    let tried = 0;
    for (let i = start; i < secret.length; i++) {
      if (secret[i] === "_") continue;
      const changed = secret.slice(0, i) + (secret[i] === "a" ? "b" : "a") + secret.slice(i + 1);
      tried++;
      if (checkSecret(changed) === undefined) caught++;
    }
    expect(caught).toBe(tried);
  });

  it("refuse other shapes", () => {
    for (const bad of [
      undefined,
      42,
      "",
      "sek_live_",
      "ghp_abcdef",
      `sek_test_${"a".repeat(32)}_aaaaaa`,
      `${generateSecret("live").secret}x`,
    ])
      expect(checkSecret(bad)).toBeUndefined();
  });

  it("are shown by prefix and last four only", () => {
    const s = generateSecret("admin");
    expect(displaySecret(s.prefix, s.lastFour)).toBe(`${s.prefix}…${s.lastFour}`);
    expect(displaySecret(s.prefix, s.lastFour)).not.toContain(s.secret.slice(20, 30));
  });
});
