/**
 * The decision API's environment, read once at start: a bad value stops the process with a
 * message naming the variable.
 */
import { parseEnv } from "@sekuire/env";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** the address to listen on; unset = every interface */
  HOST: z.string().optional(),
  DATABASE_URL: z.string().min(1, "the decision API needs Postgres (DATABASE_URL)"),
  REDIS_URL: z
    .string()
    .min(1, "the decision API needs Redis (REDIS_URL): limits, idempotency, change fan-out"),
  /** the worker's queues' Redis key prefix (the worker's own setting; default "sekuire") */
  SEKUIRE_QUEUE_PREFIX: z.string().optional(),
  /** addresses and ranges of proxies whose X-Forwarded-For is believed (@sekuire/net) */
  SEKUIRE_TRUSTED_PROXIES: z.string().optional(),
  /** @sekuire/api's hop count: refused here (trust is by address) */
  SEKUIRE_TRUST_PROXY: z.string().optional(),
  SEKUIRE_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  /**
   * how often each process re-reads an organization's decision stamp (at most 5 s): the floor
   * under Redis pub/sub, which brings changes within a second but may drop a message
   */
  SEKUIRE_STAMP_CHECK_MS: z.coerce.number().int().min(50).max(5000).default(5000),
  /** the largest request body accepted, in bytes */
  SEKUIRE_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
  /** how long a store may take before the decision is Deny Unavailable */
  SEKUIRE_STORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** the flood guard: requests a second one API key may send, across processes (0 = off) */
  SEKUIRE_KEY_RATE_PER_SECOND: z.coerce.number().int().min(0).default(1000),
  /** when set, GET /metrics asks for it as a bearer token */
  SEKUIRE_METRICS_TOKEN: z.string().min(16).optional(),
  /** how long SIGTERM waits for in-flight requests before closing anyway */
  SEKUIRE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type DecisionApiEnv = z.output<typeof schema>;

export function decisionApiEnv(source?: Record<string, string | undefined>): DecisionApiEnv {
  return parseEnv("decision API", schema, source);
}
