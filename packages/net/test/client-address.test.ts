/** The client-address rule every Sekuire server applies (console server, decision API). */
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, refuseHopCount, trustedProxies } from "../src/index.js";

function request(remoteAddress: string | undefined, forwardedFor?: string) {
  return {
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    socket: { remoteAddress },
  } as unknown as IncomingMessage;
}

describe("clientAddress", () => {
  it("is the socket's peer, whatever X-Forwarded-For says, when no proxy is trusted", () => {
    const none = trustedProxies("");
    expect(clientAddress(request("198.51.100.7"), none)).toBe("198.51.100.7");
    expect(clientAddress(request("198.51.100.7", "203.0.113.9"), none)).toBe("198.51.100.7");
    expect(clientAddress(request("127.0.0.1", "203.0.113.9"), trustedProxies(undefined))).toBe(
      "127.0.0.1",
    );
  });

  it("reads X-Forwarded-For only through a listed proxy", () => {
    const trust = trustedProxies("10.0.0.5");
    expect(clientAddress(request("10.0.0.5", "203.0.113.9"), trust)).toBe("203.0.113.9");
    // The same header from anyone else is the client's own writing.
    expect(clientAddress(request("10.0.0.6", "203.0.113.9"), trust)).toBe("10.0.0.6");
    // A proxy that forwards nothing leaves its own address.
    expect(clientAddress(request("10.0.0.5"), trust)).toBe("10.0.0.5");
  });

  it("takes the first untrusted hop from the right, not what the client wrote before it", () => {
    const trust = trustedProxies("10.0.0.0/8, loopback");
    const forged = "6.6.6.6, 198.51.100.7, 10.1.2.3";
    expect(clientAddress(request("127.0.0.1", forged), trust)).toBe("198.51.100.7");
  });

  it("stops at a hop that is not an address, at the proxy that passed it on", () => {
    const trust = trustedProxies("10.0.0.0/8");
    expect(clientAddress(request("10.0.0.5", "not-an-ip"), trust)).toBe("10.0.0.5");
    expect(clientAddress(request("10.0.0.5", "010.0.0.1"), trust)).toBe("10.0.0.5");
    expect(clientAddress(request("10.0.0.5", "fe80::1%eth0"), trust)).toBe("10.0.0.5");
  });

  it("spells an IPv4 client on a dual-stack socket as IPv4, and IPv6 one way", () => {
    const none = trustedProxies("");
    expect(clientAddress(request("::ffff:198.51.100.7"), none)).toBe("198.51.100.7");
    expect(clientAddress(request("2001:DB8:0:0:0:0:0:1"), none)).toBe("2001:db8::1");
    const trust = trustedProxies("::1");
    expect(clientAddress(request("::1", "2001:db8::9"), trust)).toBe("2001:db8::9");
    expect(clientAddress(request(undefined), none)).toBeNull();
  });
});

describe("SEKUIRE_TRUSTED_PROXIES and SEKUIRE_TRUST_PROXY", () => {
  it("accepts addresses, CIDR ranges and proxy-addr's named ranges", () => {
    const trust = trustedProxies(" 192.0.2.1 , 10.0.0.0/8,fd00::/8,loopback,linklocal,uniquelocal");
    for (const address of ["192.0.2.1", "10.9.8.7", "fd00::5", "127.0.0.1", "::1", "169.254.1.1"])
      expect(trust(address, 0)).toBe(true);
    expect(trust("192.0.2.2", 0)).toBe(false);
  });

  it.each([
    "10.1",
    "010.0.0.1",
    "10.0.0.0/33",
    "fd00::/129",
    "10.0.0.0/8/8",
    "10.0.0.0/255.0.0.0",
    "fe80::1%eth0",
    "proxy.internal",
    "1",
  ])("refuses %j with the variable's name", (entry) => {
    expect(() => trustedProxies(`127.0.0.1,${entry}`)).toThrow(
      `SEKUIRE_TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an IP address`,
    );
  });

  it("refuses a hop count, which would trust whoever connects", () => {
    for (const off of [undefined, "", "0", "false"])
      expect(() => refuseHopCount(off)).not.toThrow();
    for (const on of ["1", "true", "2"])
      expect(() => refuseHopCount(on)).toThrow(/list them in SEKUIRE_TRUSTED_PROXIES/);
  });
});
