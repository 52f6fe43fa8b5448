/**
 * The worker's environment, read once at start: a bad value stops the process with a message
 * naming the variable. Mail settings (SMTP_*, SEKUIRE_MAIL_DIR) are read by @sekuire/email.
 */
import { parseEnv } from "@sekuire/env";
import { z } from "zod";

const schema = z.object({
  /** the health and metrics endpoint (default 4100) */
  PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  HOST: z.string().optional(),
  DATABASE_URL: z.string().min(1, "the worker needs Postgres (DATABASE_URL)"),
  REDIS_URL: z.string().min(1, "the worker needs Redis (REDIS_URL): its queues live there"),
  /** the queues' Redis key prefix, the same for the decision API and console (default "sekuire") */
  SEKUIRE_QUEUE_PREFIX: z.string().optional(),
  /** where approvers are sent to decide (the console's public origin) */
  SEKUIRE_CONSOLE_URL: z.url().default("http://localhost:3000"),
  SEKUIRE_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  /** how often the sweeper compares Postgres with the queues */
  SEKUIRE_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** at most this many requests of each kind a sweep; open ones are gone through by a cursor */
  SEKUIRE_SWEEP_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  /** a request whose first notifications have not gone out after this long is re-sent */
  SEKUIRE_NOTIFY_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** signs retention's checkpoints (16+ characters); without it retention deletes nothing */
  SEKUIRE_CHECKPOINT_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  /** how often audit retention runs (default daily) */
  SEKUIRE_RETENTION_EVERY_SECONDS: z.coerce.number().int().min(1).default(86_400),
  /** expired approval requests are deleted this many days after they expired */
  SEKUIRE_APPROVAL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** jobs run at once per queue */
  SEKUIRE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** how long SIGTERM waits for running jobs before leaving them to another worker */
  SEKUIRE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** when set, GET /metrics needs it as a bearer token */
  SEKUIRE_METRICS_TOKEN: z.string().optional(),
});

export type WorkerEnv = z.output<typeof schema>;

export function workerEnv(): WorkerEnv {
  return parseEnv("the worker", schema);
}
