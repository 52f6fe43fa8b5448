/**
 * Step 1 of spec §8's canonical form: UTF-8-encode non-ASCII, decode %-escapes of unreserved
 * characters, upper-case the others. Characters outside the URI alphabet make the input invalid.
 */

export const HEX = "0123456789ABCDEF";

/** 1 for characters that may appear literally in a URI (unreserved, gen-delims, sub-delims). */
export const URI_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
  URI_CHAR[c.charCodeAt(0)] = 1;

export function isUnreserved(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e
  );
}

export function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

export function encodeByte(b: number): string {
  return `%${HEX[b >> 4]}${HEX[b & 15]}`;
}

function encodeCodePoint(cp: number): string {
  if (cp < 0x800) return encodeByte(0xc0 | (cp >> 6)) + encodeByte(0x80 | (cp & 63));
  if (cp < 0x10000)
    return (
      encodeByte(0xe0 | (cp >> 12)) +
      encodeByte(0x80 | ((cp >> 6) & 63)) +
      encodeByte(0x80 | (cp & 63))
    );
  return (
    encodeByte(0xf0 | (cp >> 18)) +
    encodeByte(0x80 | ((cp >> 12) & 63)) +
    encodeByte(0x80 | ((cp >> 6) & 63)) +
    encodeByte(0x80 | (cp & 63))
  );
}

export type PercentResult = { ok: true; value: string } | { ok: false; message: string };

/** Returns the input unchanged (same string) when it is already in canonical step-1 form. */
export function normalizePercent(input: string): PercentResult {
  let out = "";
  // Runs of plain URI characters are copied as slices; only escapes and non-ASCII are rewritten.
  let run = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 128 && URI_CHAR[c] === 1 && c !== 0x25) continue;
    if (c < 128 && c !== 0x25)
      return {
        ok: false,
        message: `the character ${JSON.stringify(input[i])} at character ${i + 1} is not allowed in a URI (write it %-encoded)`,
      };
    out += input.slice(run, i);
    if (c === 0x25) {
      const hi = hexValue(input.charCodeAt(i + 1));
      const lo = hexValue(input.charCodeAt(i + 2));
      if (hi < 0 || lo < 0)
        return {
          ok: false,
          message: `the \`%\` at character ${i + 1} is not followed by two hex digits`,
        };
      const b = hi * 16 + lo;
      out += isUnreserved(b) ? String.fromCharCode(b) : encodeByte(b);
      i += 2;
    } else {
      const cp = input.codePointAt(i) as number;
      if (cp >= 0xd800 && cp <= 0xdfff)
        return { ok: false, message: `character ${i + 1} is half of a UTF-16 surrogate pair` };
      out += encodeCodePoint(cp);
      if (cp > 0xffff) i++;
    }
    run = i + 1;
  }
  return { ok: true, value: run === 0 ? input : out + input.slice(run) };
}
