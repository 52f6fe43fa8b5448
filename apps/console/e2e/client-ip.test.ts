import { describe, expect, it } from "vitest";
import { clientIp } from "../src/server/auth";

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless a trusted proxy added it", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" }, 0)).toBeNull();
    expect(clientIp({ "x-real-ip": "203.0.113.9" }, 0)).toBeNull();
  });

  it("takes the hop the trusted proxy appended, not what the client wrote before it", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.7" };
    expect(clientIp(headers, 1)).toBe("198.51.100.7");
    expect(clientIp({ "x-forwarded-for": "198.51.100.7" }, 1)).toBe("198.51.100.7");
  });

  it("refuses what is not an address", () => {
    expect(clientIp({ "x-forwarded-for": "not-an-ip" }, 1)).toBeNull();
  });
});
