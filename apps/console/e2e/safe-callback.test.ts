/** The sign-in's callback rule (src/lib/safe-callback.ts) against the classic open-redirect bypasses. */
import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK, safeCallbackPath } from "../src/lib/safe-callback";

const ORIGIN = "https://console.example.com";

describe("safeCallbackPath", () => {
  it.each([
    ["/app", "/app"],
    ["/app/org_1/policies?tab=drafts#top", "/app/org_1/policies?tab=drafts#top"],
    ["/app/./org_1/../org_2", "/app/org_2"],
    ["/", "/"],
    // next-auth passes absolute URLs of the console's own origin
    [`${ORIGIN}/app/org_1`, "/app/org_1"],
    [`${ORIGIN.toUpperCase()}/app`, "/app"],
    ["https://console.example.com:443/app", "/app"],
    ["/search?q=%2F%2Fstays-in-the-query", "/search?q=%2F%2Fstays-in-the-query"],
  ])("keeps same-origin %j as %j", (value, path) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(path);
  });

  it.each([
    // protocol-relative, after normalisation (the reported bug) and directly
    "/x/..//evil.example",
    "/x/%2e%2e//evil.example",
    "/x/%2E%2E/%2F%2Fevil.example",
    "/./\\evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    "/%2F%2Fevil.example",
    "/%5C%5Cevil.example",
    // whitespace and controls that browsers strip
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "/app\u0000",
    // other schemes and origins
    "https:evil.example",
    "http:/evil.example",
    "https://evil.example/app",
    "https://console.example.com.evil.example/app",
    "https://console.example.com@evil.example/app",
    "http://console.example.com/app",
    "https://console.example.com:8443/app",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "",
    "app",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(DEFAULT_CALLBACK);
  });

  it("refuses a missing value, and everything when the origin itself is not a URL", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe(DEFAULT_CALLBACK);
    expect(safeCallbackPath(null, ORIGIN)).toBe(DEFAULT_CALLBACK);
    expect(safeCallbackPath("/app/org_1", "not a url")).toBe(DEFAULT_CALLBACK);
  });

  it("returns only values that a browser resolves on the console's origin", () => {
    for (const value of ["/x/..//evil", "/a/b/../../..//evil", "/%2e/%2e%2e//evil", "/app"]) {
      const path = safeCallbackPath(value, ORIGIN);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      expect(path.startsWith("//")).toBe(false);
    }
  });
});
