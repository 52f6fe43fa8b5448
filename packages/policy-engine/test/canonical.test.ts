/** The one-pass shortcut for already-canonical resources must agree with the full canonicalisation. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalAction } from "../src/match/action.js";
import { canonicalizeResource, fullCanonical } from "../src/resource/canonical.js";

const piece = fc.constantFrom(
  "a",
  "B",
  "/",
  "//",
  ".",
  "..",
  "/./",
  "/../",
  "%2F",
  "%41",
  "%7e",
  "?",
  "#",
  ":",
  "@",
  "[",
  "]",
  "é",
  " ",
  "-",
  "~",
  "*",
  "80",
  "x.txt",
);
const scheme = fc.constantFrom("file", "FILE", "db", "http", "https", "HTTPS", "urn", "s3", "x+y");
const host = fc.constantFrom(
  "",
  "ws",
  "WS",
  "api.example.com",
  "api.example.com.",
  "h:80",
  "h:443",
  "h:",
  "u@h",
  "[::1]",
  "h%41",
);
const resource = fc
  .tuple(scheme, fc.boolean(), host, fc.array(piece, { maxLength: 8 }))
  .map(([s, slashes, h, p]) => `${s}:${slashes ? `//${h}` : ""}${p.join("")}`);

describe("resource canonicalisation", () => {
  it("gives the same result through the shortcut as through the full steps", () => {
    fc.assert(
      fc.property(resource, (r) => {
        expect(canonicalizeResource(r)).toEqual(fullCanonical(r));
      }),
      { numRuns: 20_000 },
    );
  });

  it("keeps an already-canonical resource as the very same string", () => {
    const r = "file://workspace/tmp/a.txt";
    const c = canonicalizeResource(r);
    expect(c).toEqual({ ok: true, value: r, pathStart: 16, pathEnd: 26 });
  });
});

describe("requested actions", () => {
  const reference = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/;
  const action = fc.string({
    unit: fc.constantFrom("a", "Z", "0", "_", ".", "-", ":", "*", " ", "е", "K", "：", "$"),
    maxLength: 12,
  });

  it("are validated and folded as the plain pattern says", () => {
    fc.assert(
      fc.property(action, (a) => {
        expect(canonicalAction(a)).toBe(reference.test(a) ? a.toLowerCase() : undefined);
      }),
      { numRuns: 20_000 },
    );
  });
});
