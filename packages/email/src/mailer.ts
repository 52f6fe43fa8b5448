/**
 * Mail from the environment: SMTP through nodemailer when SMTP_URL or SMTP_HOST is set;
 * otherwise, in development, a "file" mailer that writes each message as an .eml file to
 * SEKUIRE_MAIL_DIR (default .sekuire/mail) and prints it (and so any link) to the server log.
 * In production without SMTP, sending throws: mail is never silently dropped.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
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
  /** "smtp", or "file" (development without SMTP: .eml files and the log). */
  kind: "smtp" | "file";
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
    | "SEKUIRE_MAIL_DIR"
    | "NODE_ENV",
    string | undefined
  >
>;

export const DEFAULT_FROM = "Sekuire <no-reply@sekuire.local>";

export interface MailerOptions {
  /** Where the file mailer logs each message (default console.info). */
  log?: (line: string) => void;
}

/** A name that sorts by time and says what the message is. */
function emlName(message: MailMessage, at: Date): string {
  const slug = message.subject
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  const random = Math.random().toString(36).slice(2, 8);
  return `${at.toISOString().replace(/[:.]/g, "-")}-${slug || "message"}-${random}.eml`;
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
  const dir = resolve(env.SEKUIRE_MAIL_DIR?.trim() || join(".sekuire", "mail"));
  // nodemailer builds the real MIME message; it is written to a file instead of sent.
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    kind: "file",
    async send(message) {
      const built = await transport.sendMail({
        from: message.from ?? from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      await mkdir(dir, { recursive: true });
      const file = join(dir, emlName(message, new Date()));
      await writeFile(file, built.message as Buffer);
      log(
        [
          `[email] SMTP is not configured (development): written to ${file}`,
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
