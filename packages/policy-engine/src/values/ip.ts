/**
 * IP addresses and CIDR ranges (spec §4, §8). IPv4 is a dotted quad without leading zeros, parsed
 * here on the hot path; IPv6 goes through ipaddr.js after we refuse what it would accept but §8
 * does not (zone ids, shorthand or octal IPv4 parts). `::ffff:a.b.c.d` is that IPv4 address.
 */
import ipaddr from "ipaddr.js";

export type Address = { v: 4; n: number } | { v: 6; parts: number[] };
export type Cidr = { v: 4; net: number; mask: number } | { v: 6; parts: number[]; bits: number };

/** The address as an unsigned 32-bit number, or -1. */
export function parseIPv4(s: string): number {
  let n = 0;
  let octet = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x2e;
    if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && octet === 0) return -1; // a leading zero: octal in some readers
      octet = digits === 0 ? c - 0x30 : octet * 10 + (c - 0x30);
      if (++digits > 3 || octet > 255) return -1;
    } else if (c === 0x2e) {
      if (digits === 0) return -1;
      n = n * 256 + octet;
      digits = 0;
      octet = -1;
      if (i < s.length && ++dots > 3) return -1;
    } else return -1;
  }
  return dots === 3 ? n : -1;
}

/** Rewrites a trailing dotted IPv4 part as two hex groups (ipaddr.js reads `::a.b.c.d` as mapped). */
function withoutDottedTail(s: string): string | undefined {
  if (!s.includes(".")) return s;
  const colon = s.lastIndexOf(":");
  const v4 = parseIPv4(s.slice(colon + 1));
  if (v4 < 0) return undefined;
  return `${s.slice(0, colon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
}

function parseIPv6(text: string): Address | undefined {
  if (text.includes("%")) return undefined;
  const s = withoutDottedTail(text);
  if (s === undefined || !ipaddr.IPv6.isValid(s)) return undefined;
  const addr = ipaddr.IPv6.parse(s);
  if (addr.isIPv4MappedAddress()) {
    const [a = 0, b = 0, c = 0, d = 0] = addr.toIPv4Address().octets;
    return { v: 4, n: ((a << 24) >>> 0) + (b << 16) + (c << 8) + d };
  }
  return { v: 6, parts: addr.parts };
}

export function readAddress(value: unknown): Address | undefined {
  if (typeof value !== "string" || value.length > 64) return undefined;
  // IPv4 first: its reader stops at the first `:`, and includes() costs more than that.
  const n = parseIPv4(value);
  if (n >= 0) return { v: 4, n };
  return value.includes(":") ? parseIPv6(value) : undefined;
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const bitsText = slash < 0 ? undefined : text.slice(slash + 1);
  if (bitsText !== undefined && !/^(?:0|[1-9][0-9]{0,2})$/.test(bitsText)) return undefined;
  const mapped = addrText.includes(":"); // IPv6 text that named an IPv4-mapped address
  const addr = readAddress(addrText);
  if (!addr) return undefined;
  let bits = bitsText === undefined ? undefined : Number(bitsText);
  if (addr.v === 4) {
    // An IPv4-mapped range counts its prefix over 128 bits; below 96 it reaches beyond IPv4.
    if (mapped && bits !== undefined) {
      if (bits > 128) return undefined;
      if (bits < 96)
        return { v: 6, parts: [0, 0, 0, 0, 0, 0xffff, addr.n >>> 16, addr.n & 0xffff], bits };
      bits -= 96;
    }
    bits ??= 32;
    if (bits > 32) return undefined;
    const mask = maskOf(bits);
    return { v: 4, net: (addr.n & mask) >>> 0, mask };
  }
  bits ??= 128;
  if (bits > 128) return undefined;
  return { v: 6, parts: addr.parts, bits };
}

function matchV6(parts: number[], cidr: { parts: number[]; bits: number }): boolean {
  let left = cidr.bits;
  for (let i = 0; i < 8 && left > 0; i++) {
    const take = Math.min(16, left);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((parts[i] ?? 0) & mask) !== ((cidr.parts[i] ?? 0) & mask)) return false;
    left -= take;
  }
  return true;
}

export function inCidr(addr: Address, cidr: Cidr): boolean {
  if (addr.v === 4) return cidr.v === 4 && (addr.n & cidr.mask) >>> 0 === cidr.net;
  return cidr.v === 6 && matchV6(addr.parts, cidr);
}
