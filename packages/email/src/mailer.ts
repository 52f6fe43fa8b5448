/**
 * Mail from the environment: SMTP through nodemailer when SMTP_URL or SMTP_HOST is set;
 * otherwise, in development, a "log" mailer that prints the message (and so any sign-in link)
 * to the server log. In production without SMTP, sending throws: mail is never silently dropped.
 */
import nodemailer from "nodemailer";
import { emailEnv } from "./env.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  from?: string;
}

export interface Mailer {
  /** "smtp" or "log". */
  kind: "smtp" | "log";
  send(message: MailMessage): Promise<void>;
  /** Closes the SMTP pool, if any. */
  close(): void;
}

export type MailerEnv = Partial<
  Record<
    | "SMTP_URL"
    | "SMTP_HOST"
    | "SMTP_PORT"
    | "SMTP_USER"
    | "SMTP_PASSWORD"
    | "SMTP_FROM"
    | "SMTP_SECURE"
    | "NODE_ENV",
    string | undefined
  >
>;

export const DEFAULT_FROM = "Sekuire <no-reply@sekuire.local>";

export interface MailerOptions {
  /** Where the log mailer writes (default console.info). */
  log?: (line: string) => void;
}

export function mailerFromEnv(source?: MailerEnv, options: MailerOptions = {}): Mailer {
  const env = emailEnv(source);
  const from = env.SMTP_FROM?.trim() || DEFAULT_FROM;
  const url = env.SMTP_URL?.trim();
  const host = env.SMTP_HOST?.trim();
  if (url || host) {
    const transport = url
      ? nodemailer.createTransport(url)
      : nodemailer.createTransport({
          host,
          port: env.SMTP_PORT ? Number(env.SMTP_PORT) : 587,
          secure: env.SMTP_SECURE === "true" || env.SMTP_PORT === "465",
          ...(env.SMTP_USER
            ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } }
            : {}),
        });
    return {
      kind: "smtp",
      async send(message) {
        await transport.sendMail({
          from: message.from ?? from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
        });
      },
      close: () => transport.close(),
    };
  }
  if (env.NODE_ENV === "production") {
    throw new Error(
      "SMTP is not configured: set SMTP_URL (or SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, " +
        "SMTP_FROM). In production, mail is never written to the log instead of being sent.",
    );
  }
  const log = options.log ?? ((line: string) => console.info(line));
  return {
    kind: "log",
    async send(message) {
      log(
        [
          "[email] SMTP is not configured (development): the message is written here instead.",
          `  From:    ${message.from ?? from}`,
          `  To:      ${message.to}`,
          `  Subject: ${message.subject}`,
          "",
          ...message.text.split("\n").map((line) => `  ${line}`),
        ].join("\n"),
      );
    },
    close() {},
  };
}
