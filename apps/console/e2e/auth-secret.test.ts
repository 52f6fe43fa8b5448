import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { authSecret } from "../src/server/secret";

const root = mkdtempSync(join(tmpdir(), "sekuire-secret-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("auth secret", () => {
  it("prefers NEXTAUTH_SECRET, then AUTH_SECRET", () => {
    expect(authSecret({ env: { NEXTAUTH_SECRET: "a", AUTH_SECRET: "b" }, root })).toBe("a");
    expect(authSecret({ env: { AUTH_SECRET: "b" }, root })).toBe("b");
  });

  it("generates one into .sekuire/auth-secret in development and reuses it", () => {
    const first = authSecret({ env: { NODE_ENV: "development" }, root });
    expect(first.length).toBeGreaterThanOrEqual(40);
    const file = join(root, ".sekuire", "auth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(authSecret({ env: { NODE_ENV: "development" }, root })).toBe(first);
  });

  it("is required in production", () => {
    expect(() => authSecret({ env: { NODE_ENV: "production" }, root })).toThrow(/NEXTAUTH_SECRET/);
  });
});
