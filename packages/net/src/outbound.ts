/**
 * Outbound requests to addresses users give (webhook URLs): only public addresses, checked when
 * the connection is made. The check sits in the socket's DNS lookup, so the address connected
 * to is the address checked: a name that resolves to a public address when saved and to
 * 127.0.0.1 or 169.254.169.254 when called (DNS rebinding) is refused at the call. Node skips the
 * lookup for a literal IP, so a sender checks those with `checkLiteralHost` first. Operators may allow private addresses (an internal
 * receiver); loopback alone may be allowed for development and tests.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export type OutboundPolicy = {
  /** allow private, loopback, link-local and other non-public ranges (an operator's choice) */
  allowPrivate?: boolean;
  /** allow loopback only (development and tests) */
  allowLoopback?: boolean;
};

export class RefusedAddressError extends Error {
  readonly code = "ERR_SEKUIRE_REFUSED_ADDRESS";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to ${address} (${range}): only public addresses are called`);
    this.name = "RefusedAddressError";
  }
}

/** The address's range as ipaddr.js names it ("unicast" is the public one), IPv4-mapped unwrapped. */
export function addressRange(address: string): string {
  const parsed = ipaddr.parse(address);
  const plain =
    parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? (parsed as ipaddr.IPv6).toIPv4Address()
      : parsed;
  return plain.range();
}

/** Whether the policy lets a connection go to `address`. */
export function addressAllowed(address: string, policy: OutboundPolicy = {}): boolean {
  const range = addressRange(address);
  if (range === "unicast") return true;
  if (policy.allowPrivate) return true;
  return Boolean(policy.allowLoopback) && range === "loopback";
}

/**
 * A `lookup` for http.request / net.connect that resolves as Node does and refuses the
 * connection when any address the name resolves to is not allowed.
 */
export function guardedLookup(policy: OutboundPolicy = {}): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !addressAllowed(a.address, policy));
      if (refused)
        return callback(
          new RefusedAddressError(hostname, refused.address, addressRange(refused.address)),
          "",
          0,
        );
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

/** For a URL's host that is an IP literal (no lookup happens): refused unless allowed. */
export function checkLiteralHost(hostname: string, policy: OutboundPolicy = {}): void {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !addressAllowed(host, policy))
    throw new RefusedAddressError(hostname, host, addressRange(host));
}
