/**
 * The console's environment (its Next server code). Parsed on each call, which is cheap, so tests
 * and the console's own server (node-server/, which sets SEKUIRE_CLIENT_IP_HEADER before Next
 * loads) see the current values; instrumentation.ts reads it once at start so a bad value stops
 * the console with a message naming the variable.
 */
import { parseEnv } from "@sekuire/env";
import { z } from "zod";

const url = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL ${what}` });

const schema = z.object({
  NODE_ENV: z.string().optional(),
  /** the console's public base URL (links in mail, sign-in callbacks) */
  NEXTAUTH_URL: url("(the console's public address)").optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  /** seconds a sign-in lasts; default 12 hours */
  SEKUIRE_SESSION_MAX_AGE: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int("must be a whole number of seconds")
    .positive("must be a whole number of seconds")
    .optional(),
  /** where the decision API answers, for the agents' quick start */
  SEKUIRE_DECISION_API_URL: url("(the decision API)").default("http://localhost:4000"),
  /** set by node-server/main.mjs: the per-run header carrying the client's address */
  SEKUIRE_CLIENT_IP_HEADER: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  /** where changes to policies, keys and freezes are announced to the decision API */
  REDIS_URL: z.string().optional(),
});

export type ConsoleEnv = z.output<typeof schema>;

export function consoleEnv(): ConsoleEnv {
  return parseEnv("console", schema);
}
