/**
 * Only public addresses are called: private, loopback, link-local (cloud metadata), unique
 * local and IPv4-mapped forms are refused at connection time, by literal IP or by a name.
 */
import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addressAllowed,
  addressRange,
  checkLiteralHost,
  guardedLookup,
  RefusedAddressError,
} from "../src/index.js";

describe("which addresses are public", () => {
  it.each([
    ["93.184.216.34", true],
    ["2606:2800:220:1:248:1893:25c8:1946", true],
    ["127.0.0.1", false],
    ["::1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["224.0.0.1", false],
  ])("%s is public: %s", (address, publicOne) => {
    expect(addressAllowed(address)).toBe(publicOne);
  });

  it("allows loopback alone when asked, and every range when private is allowed", () => {
    expect(addressAllowed("127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(addressAllowed("10.0.0.1", { allowLoopback: true })).toBe(false);
    expect(addressAllowed("10.0.0.1", { allowPrivate: true })).toBe(true);
    expect(addressRange("::ffff:169.254.169.254")).toBe("linkLocal");
  });

  it("checks a literal IP host, which Node connects to without a lookup", () => {
    expect(() => checkLiteralHost("169.254.169.254")).toThrow(RefusedAddressError);
    expect(() => checkLiteralHost("[::1]")).toThrow(/::1 \(loopback\)/);
    expect(() => checkLiteralHost("[::1]", { allowLoopback: true })).not.toThrow();
    expect(() => checkLiteralHost("93.184.216.34")).not.toThrow();
    expect(() => checkLiteralHost("hooks.example.com")).not.toThrow(); // its lookup checks it
  });
});

describe("the guarded lookup, on a real connection", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end("reached"));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const fetchVia = (host: string, allowLoopback: boolean) =>
    new Promise<string>((resolve, reject) => {
      const request = get(
        { host, port, path: "/", lookup: guardedLookup({ allowLoopback }) },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve(text));
        },
      );
      request.on("error", reject);
    });

  it("refuses a name that resolves to loopback, before anything is sent", async () => {
    await expect(fetchVia("localhost", false)).rejects.toBeInstanceOf(RefusedAddressError);
    await expect(fetchVia("localhost", false)).rejects.toThrow(/only public addresses/);
  });

  it("connects when loopback is allowed (development and tests)", async () => {
    expect(await fetchVia("localhost", true)).toBe("reached");
  });
});
