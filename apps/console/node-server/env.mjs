/**
 * The console server's environment (node-server/ only; the Next code has src/server/env.ts).
 * Read once at start: a bad value stops the server with a message naming the variable.
 */
import { parseEnv } from "@sekuire/env";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** addresses and ranges of proxies whose X-Forwarded-For is believed (client-address.mjs) */
  SEKUIRE_TRUSTED_PROXIES: z.string().optional(),
  /** @sekuire/api's hop count: refused here (see refuseHopCount) */
  SEKUIRE_TRUST_PROXY: z.string().optional(),
});

export function serverEnv() {
  return parseEnv("console server", schema);
}

/**
 * Hands the per-run client address header's name to the Next code, in this process's
 * environment, which is the only channel a custom server has into Next's server modules.
 */
export function handToNext(clientIpHeaderEnv, header) {
  process.env[clientIpHeaderEnv] = header;
  process.env.NODE_ENV ??= "production";
}
