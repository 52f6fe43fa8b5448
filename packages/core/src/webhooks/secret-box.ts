/**
 * Webhook secrets at rest: AES-256-GCM under a key derived from SEKUIRE_WEBHOOK_KEY, bound to
 * the workspace (its id is the additional data, so a ciphertext copied onto another workspace
 * does not open). Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

function keyOf(secretKey: string): Buffer {
  // The env key is text of any length (32+ characters); SHA-256 makes it the 32 bytes AES needs.
  return createHash("sha256").update(`sekuire.webhook-secret/v1\n${secretKey}`).digest();
}

export function sealSecret(secretKey: string, workspaceId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secretKey), iv);
  cipher.setAAD(Buffer.from(workspaceId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The secret, or null when the box does not open (another key, another workspace, tampered). */
export function openSecret(secretKey: string, workspaceId: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyOf(secretKey),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAAD(Buffer.from(workspaceId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
