/**
 * Where a request came from, for the audit trail: the client's IP address and User-Agent.
 *
 * The address is the TCP peer's (the socket's remote address) unless the operator says a proxy
 * stands in front: `SEKUIRE_TRUST_PROXY=<n>` trusts the last n hops of `X-Forwarded-For`
 * (`1` or `true`: one proxy, e.g. nginx or a load balancer that appends the address it saw).
 * The client is then the n-th address from the right, which no client can forge, since every
 * trusted proxy appends what it saw. Unset, `0` or `false`: the header is ignored.
 */
import { normalizeOrigin, type RequestOrigin } from "@sekuire/core/access";
import { apiEnv } from "./env.js";

export type { RequestOrigin };

/** How many proxies in front of the server may be believed; throws on a value that means none. */
export function trustedProxyHops(value: string | undefined = apiEnv().SEKUIRE_TRUST_PROXY): number {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "0" || text === "false") return 0;
  if (text === "true") return 1;
  if (/^[1-9]\d?$/.test(text)) return Number(text);
  throw new Error(
    `SEKUIRE_TRUST_PROXY=${JSON.stringify(value)}: expected the number of trusted proxies ` +
      "in front of the server (0-99), true (one) or false",
  );
}

/**
 * The origin of a request: `remoteAddress` is the socket's peer, when the caller has one (a
 * node:http server); with `trustProxy` hops, the address `X-Forwarded-For` names instead.
 * Next.js route handlers and server actions have no socket: pass `headers()` and rely on a
 * trusted proxy, or only the user agent is known.
 */
export function requestOrigin(
  headers: Pick<Headers, "get">,
  remoteAddress?: string,
  trustProxy: number = trustedProxyHops(),
): RequestOrigin {
  return normalizeOrigin({
    ip: clientAddress(headers, remoteAddress, trustProxy),
    userAgent: headers.get("user-agent"),
  });
}

function clientAddress(
  headers: Pick<Headers, "get">,
  remoteAddress: string | undefined,
  trustProxy: number,
): string | undefined {
  if (trustProxy === 0) return remoteAddress;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  if (hops.length === 0) return remoteAddress;
  return hops[Math.max(0, hops.length - trustProxy)];
}
