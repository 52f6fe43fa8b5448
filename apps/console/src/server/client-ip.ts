/**
 * The client's address inside the Next code, as the console's server (node-server/main.mjs)
 * read it from the socket (and trusted proxies): it arrives in a request header whose name is
 * random per run and known only through SEKUIRE_CLIENT_IP_HEADER, so a client cannot write it.
 *
 * Served any other way (`next dev`, a bare `next start`) there is no such header and the
 * address is unknown (null): throttling then counts all those requests as one address
 * (throttle.ts), which slows everyone rather than no one. A warning says so once.
 */
import { isIP } from "node:net";
import { normalizeOrigin, type RequestOrigin } from "@sekuire/core/access";
import { consoleEnv } from "./env";

export type HeaderBag =
  | Pick<Headers, "get">
  | Record<string, string | string[] | undefined>
  | null
  | undefined;

export function headerValue(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  const raw =
    typeof headers.get === "function"
      ? (headers as Pick<Headers, "get">).get(name)
      : (headers as Record<string, string | string[] | undefined>)[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first?.trim() || null;
}

let warned = false;

/** The address the console's server saw for this request, or null when not served by it. */
export function clientIp(
  headers: HeaderBag,
  headerName = consoleEnv().SEKUIRE_CLIENT_IP_HEADER,
): string | null {
  if (!headerName) {
    if (!warned)
      console.warn(
        "[auth] client addresses are unknown: serve the console with node-server/main.mjs " +
          "(pnpm start); until then every sign-in shares one address for throttling",
      );
    warned = true;
    return null;
  }
  const value = headerValue(headers, headerName);
  return value && isIP(value) !== 0 ? value : null;
}

/** Address and user agent for the audit trail, by the same rule. */
export function requestOriginOf(headers: HeaderBag): RequestOrigin {
  return normalizeOrigin({ ip: clientIp(headers), userAgent: headerValue(headers, "user-agent") });
}
