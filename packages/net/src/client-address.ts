/**
 * The client's address for a node:http server (the console's and the decision API's).
 *
 * Rule: the address is the socket's peer. `X-Forwarded-For` is read only while the hop that
 * reports it is a proxy the operator listed in SEKUIRE_TRUSTED_PROXIES (addresses, CIDR ranges,
 * or proxy-addr's names loopback / linklocal / uniquelocal): walking from the socket outwards,
 * the first address that is not a trusted proxy is the client. A client can write anything in
 * the header, but only what a trusted proxy appended is ever believed. A hop that is not an
 * address stops the walk at the proxy that passed it on.
 */
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

export const TRUSTED_PROXIES_ENV = "SEKUIRE_TRUSTED_PROXIES";

export type Trust = (address: string, hop: number) => boolean;

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** A plain IPv4 or IPv6 address: no zone (`%eth0`), no octal or short IPv4 forms. */
function plainAddress(text: string): boolean {
  return !text.includes("%") && isIP(text) !== 0;
}

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  if (rest.length > 0 || !plainAddress(address)) return false;
  if (prefix === undefined) return true;
  const bits = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
}

/** SEKUIRE_TRUSTED_PROXIES as proxy-addr's trust function; throws naming a wrong entry. */
export function trustedProxies(value?: string): Trust {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    if (!validEntry(entry))
      throw new Error(
        `${TRUSTED_PROXIES_ENV}: ${JSON.stringify(entry)} is not an IP address, a CIDR range ` +
          "(10.0.0.0/8, fd00::/8) or one of loopback, linklocal, uniquelocal",
      );
  }
  return entries.length === 0 ? () => false : proxyaddr.compile(entries);
}

/**
 * SEKUIRE_TRUST_PROXY (a hop count, read by @sekuire/api) trusts whoever connects first; these
 * servers trust proxies by address only, so a hop count given to them is refused, not ignored.
 */
export function refuseHopCount(value?: string, who = "this server"): void {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "0" || text === "false") return;
  throw new Error(
    `SEKUIRE_TRUST_PROXY=${JSON.stringify(value)}: ${who} trusts proxies by address, not ` +
      `by count: list them in ${TRUSTED_PROXIES_ENV} (e.g. 10.0.0.5 or 10.0.0.0/8) and unset it`,
  );
}

/** An address in one spelling per host (IPv4-mapped IPv6 as IPv4), or null. */
function normalize(text: string | undefined): string | null {
  const value = text?.trim() ?? "";
  if (!plainAddress(value)) return null;
  return ipaddr.process(value).toString();
}

/** The client's address for `req` (a node:http request), or null when the socket has none. */
export function clientAddress(
  req: Pick<IncomingMessage, "headers" | "socket">,
  trust: Trust,
): string | null {
  // [socket peer, then X-Forwarded-For right to left], cut after the first untrusted hop.
  const chain = proxyaddr.all(req as IncomingMessage, trust);
  let client: string | null = null;
  for (const hop of chain) {
    const address = normalize(hop);
    if (!address) break;
    client = address;
  }
  return client;
}
