/**
 * Webhook signatures (versioned, Stripe-style): `Sekuire-Signature: t=<unix seconds>,v1=<hex>`,
 * where v1 is HMAC-SHA256 under the workspace's webhook secret of `<t>.<raw body>`. The
 * timestamp is signed with the body, so a receiver that checks it within a few minutes refuses
 * a replayed delivery.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "sekuire-signature";

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; why: "malformed" | "stale" | "mismatch" };

/** What a receiver does (and our tests do): the header parsed, the time within `toleranceSeconds`. */
export function checkWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  now: Date = new Date(),
  toleranceSeconds = 300,
): SignatureCheck {
  const parts = new Map(
    (header ?? "").split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given))
    return { ok: false, why: "malformed" };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return { ok: false, why: "stale" };
  const expected = webhookSignature(secret, timestamp, body).split("v1=")[1] as string;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(expected, "hex"))
    ? { ok: true }
    : { ok: false, why: "mismatch" };
}
