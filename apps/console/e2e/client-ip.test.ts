/**
 * The client's address on the Next side: src/server/client-ip.ts believes only the header the
 * console's server set under its random name. How that server reads the socket (and trusted
 * proxies) is @sekuire/net's, tested there; the console started for real, with and without a
 * trusted proxy, is in auth.test.ts.
 */
import { describe, expect, it } from "vitest";
import { clientIp, requestOriginOf } from "../src/server/client-ip";

describe("clientIp (the Next side)", () => {
  const name = "x-sekuire-client-ip-0123456789abcdef";

  it("believes only the header the console's server set under its secret name", () => {
    expect(clientIp({ [name]: "198.51.100.7" }, name)).toBe("198.51.100.7");
    expect(clientIp(new Headers({ [name]: "2001:db8::1" }), name)).toBe("2001:db8::1");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" }, name)).toBe(
      null,
    );
    expect(clientIp({ [name]: "not-an-ip" }, name)).toBeNull();
  });

  it("is unknown when the console is not served by its own server", () => {
    expect(clientIp({ [name]: "198.51.100.7", "x-forwarded-for": "203.0.113.9" }, "")).toBeNull();
  });

  it("gives the audit trail the same address with the user agent", () => {
    const previous = process.env.SEKUIRE_CLIENT_IP_HEADER;
    process.env.SEKUIRE_CLIENT_IP_HEADER = name;
    try {
      expect(requestOriginOf({ [name]: "::ffff:198.51.100.7", "user-agent": "curl/8" })).toEqual({
        ip: "198.51.100.7",
        userAgent: "curl/8",
      });
    } finally {
      if (previous === undefined) delete process.env.SEKUIRE_CLIENT_IP_HEADER;
      else process.env.SEKUIRE_CLIENT_IP_HEADER = previous;
    }
  });
});
