/**
 * Webhooks' settings from the environment, read by every process that signs or sends:
 * SEKUIRE_WEBHOOK_KEY encrypts the workspaces' signing secrets at rest (the console encrypts
 * when a secret is rotated, the worker and console decrypt to sign); the outbound policy says
 * which addresses a delivery may reach. Loopback is allowed outside production (development and
 * tests post to a local receiver); private addresses only when the operator says so.
 */
import { type EnvSource, parseEnv } from "@sekuire/env";
import type { OutboundPolicy } from "@sekuire/net";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.string().optional(),
  SEKUIRE_WEBHOOK_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** let deliveries reach private, loopback and link-local addresses (an internal receiver) */
  SEKUIRE_WEBHOOK_ALLOW_PRIVATE: flag.optional(),
  /** let deliveries reach loopback (default: yes outside production) */
  SEKUIRE_WEBHOOK_ALLOW_LOOPBACK: flag.optional(),
});

export interface WebhookConfig {
  /** null: no secret can be set or used, and webhook deliveries fail saying so */
  key: string | null;
  outbound: OutboundPolicy;
}

export function webhookConfigFromEnv(source?: EnvSource): WebhookConfig {
  const env = parseEnv("webhooks", schema, source);
  return {
    key: env.SEKUIRE_WEBHOOK_KEY?.trim() ?? null,
    outbound: {
      allowPrivate: env.SEKUIRE_WEBHOOK_ALLOW_PRIVATE ?? false,
      allowLoopback: env.SEKUIRE_WEBHOOK_ALLOW_LOOPBACK ?? env.NODE_ENV !== "production",
    },
  };
}
