/**
 * Mail settings from the environment, checked when a mailer is made (a console or worker sends
 * mail long after start, and tests point SMTP at their own sink): a malformed port or URL is an
 * error naming the variable, never a silent fallback to the log mailer.
 */
import { type EnvSource, parseEnv } from "@sekuire/env";
import { z } from "zod";
import type { MailerEnv } from "./mailer.js";

const schema = z.object({
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z
    .string()
    .regex(/^\d{1,5}$/, "must be a port number")
    .refine((p) => Number(p) >= 1 && Number(p) <= 65535, "must be a port number")
    .optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  SMTP_SECURE: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
  /** where development mail goes without SMTP (default .sekuire/mail) */
  SEKUIRE_MAIL_DIR: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

/** The mail settings of `source` (default: this process's environment), checked. */
export function emailEnv(source?: EnvSource): MailerEnv {
  return parseEnv("@sekuire/email", schema, source);
}
