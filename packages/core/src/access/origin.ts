/**
 * Where a request came from, as the audit trail records it. The values arrive from headers and
 * sockets, so they are checked here once: an address that is not an IP is dropped rather than
 * stored, and a user agent is cut to a length a row and a table cell can hold.
 */
import { isIP } from "node:net";

export interface RequestOrigin {
  /** the client's IP address (v4 or v6) */
  ip?: string;
  /** the client's User-Agent header, at most MAX_USER_AGENT_LENGTH characters */
  userAgent?: string;
}

export const MAX_USER_AGENT_LENGTH = 512;

/** Keeps what is valid: an IP that node:net recognises, a non-blank user agent, truncated. */
export function normalizeOrigin(raw: {
  ip?: string | null;
  userAgent?: string | null;
}): RequestOrigin {
  const ip = normalizeIp(raw.ip);
  const userAgent = normalizeUserAgent(raw.userAgent);
  return { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) };
}

function normalizeIp(value: string | null | undefined): string | undefined {
  const ip = value?.trim();
  if (!ip || isIP(ip) === 0) return undefined;
  // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip.toLowerCase();
}

function normalizeUserAgent(value: string | null | undefined): string | undefined {
  // Control characters (a header cannot hold newlines, but a direct caller could pass them).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const cleaned = value?.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (!cleaned) return undefined;
  return Array.from(cleaned).slice(0, MAX_USER_AGENT_LENGTH).join("");
}
