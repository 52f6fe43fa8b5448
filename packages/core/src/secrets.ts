/**
 * API keys and admin tokens: `sek_live_<random>_<checksum>` and `sek_admin_<random>_<checksum>`.
 * Recognisable to secret scanners, never mistaken for another vendor's key, and checkable offline
 * (a CRC32 checksum, as GitHub's tokens have) before any database lookup. Only the SHA-256 of a
 * secret is stored: secrets are high-entropy, so a fast hash is enough and lets the decision API
 * look a key up by its hash on every call.
 */
import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

export type SecretKind = "live" | "admin";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 32 base62 characters: about 190 bits of randomness. */
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const SHAPE = /^sek_(live|admin)_([0-9A-Za-z]{32})_([0-9A-Za-z]{6})$/;

function base62(n: number, width: number): string {
  let out = "";
  let v = n;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out;
}

/** Unbiased base62: bytes at or above 248 (4 × 62) are redrawn. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALPHABET[b % 62];
    }
  }
  return out;
}

function checksumOf(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

export interface NewSecret {
  /** the secret itself: shown once, never stored */
  secret: string;
  /** SHA-256 (hex) of the secret: what is stored and looked up */
  hash: string;
  /** shown later to tell keys apart, e.g. `sek_live_Ab3x` */
  prefix: string;
  lastFour: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateSecret(kind: SecretKind): NewSecret {
  const body = `sek_${kind}_${randomBase62(RANDOM_LENGTH)}`;
  const secret = `${body}_${checksumOf(body)}`;
  return {
    secret,
    hash: hashSecret(secret),
    prefix: body.slice(0, `sek_${kind}_`.length + 4),
    lastFour: secret.slice(-4),
  };
}

/** The kind of a well-formed secret whose checksum holds; undefined for anything else. */
export function checkSecret(text: unknown): SecretKind | undefined {
  if (typeof text !== "string" || text.length > 64) return undefined;
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const body = text.slice(0, text.lastIndexOf("_"));
  return checksumOf(body) === m[3] ? (m[1] as SecretKind) : undefined;
}

/** How a stored key is shown: prefix and last four, never the secret. */
export function displaySecret(prefix: string, lastFour: string): string {
  return `${prefix}…${lastFour}`;
}

/**
 * A webhook signing secret, `whsec_<32 base62>`: unlike keys it is not hashed but kept (sealed)
 * by the platform, which must sign with it; the receiver holds the other copy.
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBase62(RANDOM_LENGTH)}`;
}
