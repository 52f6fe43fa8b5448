import { describe, expect, it } from "vitest";
import { requestOrigin, trustedProxyHops } from "../src/origin.js";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("trustedProxyHops (SEKUIRE_TRUST_PROXY)", () => {
  it("reads none, true/1 or a count, and refuses anything else", () => {
    for (const none of [undefined, "", "0", "false", " FALSE "])
      expect(trustedProxyHops(none)).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["yes", "-1", "1.5", "100", "01"])
      expect(() => trustedProxyHops(bad)).toThrow(/SEKUIRE_TRUST_PROXY/);
  });
});

describe("requestOrigin", () => {
  const xff = headers({
    "x-forwarded-for": "203.0.113.1, 10.0.0.2, 192.0.2.3",
    "user-agent": "ua",
  });

  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(requestOrigin(xff, "::ffff:127.0.0.1", 0)).toEqual({ ip: "127.0.0.1", userAgent: "ua" });
    expect(requestOrigin(xff, undefined, 0)).toEqual({ userAgent: "ua" });
  });

  it("counts trusted hops from the right, so a client cannot choose its address", () => {
    expect(requestOrigin(xff, "10.0.0.9", 1).ip).toBe("192.0.2.3");
    expect(requestOrigin(xff, "10.0.0.9", 2).ip).toBe("10.0.0.2");
    expect(requestOrigin(xff, "10.0.0.9", 5).ip).toBe("203.0.113.1");
    expect(requestOrigin(headers({}), "10.0.0.9", 1).ip).toBe("10.0.0.9");
  });

  it("drops an address that is not an IP", () => {
    expect(requestOrigin(headers({ "x-forwarded-for": "unknown" }), "10.0.0.9", 1)).toEqual({});
  });
});
