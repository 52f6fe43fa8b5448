/** The one-pass shortcut for already-canonical resources must agree with the full canonicalisation. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalAction } from "../src/match/action.js";
import { canonicalizeResource, canonicalizeUri, normalizePath } from "../src/resource/canonical.js";
import { normalizePercent } from "../src/resource/percent.js";
import { hashTo, MAX_KEY_DEPTH, newResourceKeys, resetKeys } from "../src/resource/prefix-keys.js";

/** The full steps, without any one-pass shortcut. */
function fullCanonical(r: string) {
  const step1 = normalizePercent(r);
  return step1.ok ? canonicalizeUri(step1.value, "request") : { ok: false, message: step1.message };
}

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
  "%2f",
  "%41",
  "%7e",
  "%2e",
  "%2E%2E",
  "%3a",
  "%C3%A9",
  "%zz",
  "%4",
  "/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q",
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
  .tuple(scheme, fc.boolean(), host, fc.array(piece, { maxLength: 12 }))
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

  it("leaves index keys that are the canonical value's, hashed on the way or not", () => {
    const keys = newResourceKeys();
    const expected = newResourceKeys();
    fc.assert(
      fc.property(
        resource,
        fc.boolean(),
        fc.integer({ min: 1, max: MAX_KEY_DEPTH }),
        (r, hash, depth) => {
          const c = canonicalizeResource(r, keys, hash);
          if (!c.ok) return;
          resetKeys(expected, c.value);
          hashTo(expected, depth);
          expect(keys.resource).toBe(c.value);
          hashTo(keys, depth); // as the index asks for them
          // The index reads min(count, its depth) keys; the one pass may have hashed more.
          const n = Math.min(keys.count, depth);
          expect(n).toBe(expected.count);
          expect(keys.prefixes.slice(0, n)).toEqual(expected.prefixes.slice(0, n));
        },
      ),
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
  // spec §8: two or more non-empty parts
  const reference = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)+$/;
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

/** The textbook reading: collapse `//` runs, then RFC 3986 §5.2.4 over split segments. */
function referencePath(path: string): string | null {
  const collapsed = path.replace(/\/{2,}/g, "/");
  const absolute = collapsed.startsWith("/");
  const segs = collapsed.split("/");
  const out: string[] = [];
  let trailingSlash = false;
  for (let k = absolute ? 1 : 0; k < segs.length; k++) {
    const seg = segs[k] as string;
    const isLast = k === segs.length - 1;
    if (seg === ".") trailingSlash = isLast;
    else if (seg === "..") {
      if (out.length === 0) return null;
      out.pop();
      trailingSlash = isLast;
    } else {
      out.push(seg);
      trailingSlash = false;
    }
  }
  let result = (absolute ? "/" : "") + out.join("/");
  if (trailingSlash && out.length > 0) result += "/";
  return result;
}

describe("path normalisation", () => {
  const path = fc.string({
    unit: fc.constantFrom("/", "//", ".", "..", "a", "b.txt", "..a", ".b"),
    maxLength: 10,
  });

  it("agrees with the textbook two-step reading", () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(normalizePath(p)).toBe(referencePath(p));
      }),
      { numRuns: 20_000 },
    );
  });
});
