import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml, invitationEmail, mailerFromEnv, signInLinkEmail } from "../src/index.js";
import { decodeQuotedPrintable, type SmtpSink, startSmtpSink } from "../src/testing.js";

const LINK =
  "http://localhost:3000/api/auth/callback/email?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fapp&token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef&email=ada%40example.com";

describe("templates", () => {
  it("sign-in link email carries the link in text and html", () => {
    const mail = signInLinkEmail({ url: LINK, host: "localhost:3000" });
    expect(mail.subject).toContain("Sign in to Sekuire");
    expect(mail.text).toContain(LINK);
    expect(mail.html).toContain(escapeHtml(LINK));
  });

  it("invitation escapes HTML", () => {
    const mail = invitationEmail({
      url: "https://x.test/invite?t=1&u=2",
      organizationName: "<script>alert(1)</script> & Co",
      role: "admin",
      invitedBy: 'Eve "Evil"',
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    expect(mail.html).toContain("https://x.test/invite?t=1&amp;u=2");
    expect(mail.html).toContain("Eve &quot;Evil&quot;");
    expect(mail.text).toContain("as admin");
    expect(mail.subject).toContain("<script>alert(1)</script> & Co");
  });
});

describe("SMTP mailer", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it("delivers to a real SMTP server from SMTP_HOST/SMTP_PORT", async () => {
    const mailer = mailerFromEnv({
      SMTP_HOST: sink.host,
      SMTP_PORT: String(sink.port),
      SMTP_FROM: "Sekuire <auth@sekuire.test>",
      NODE_ENV: "production",
    });
    expect(mailer.kind).toBe("smtp");
    const content = signInLinkEmail({ url: LINK, host: "localhost:3000" });
    await mailer.send({ to: "ada@example.com", ...content });
    mailer.close();
    const mail = await sink.waitFor((m) => m.to.includes("ada@example.com"));
    expect(mail.from).toBe("auth@sekuire.test");
    expect(mail.decoded).toContain(`Subject: ${content.subject}`);
    expect(mail.decoded).toContain(LINK);
  });

  it("delivers from SMTP_URL", async () => {
    const mailer = mailerFromEnv({ SMTP_URL: `smtp://${sink.host}:${sink.port}` });
    await mailer.send({ to: "bob@example.com", subject: "Hello", text: "plain" });
    mailer.close();
    const mail = await sink.waitFor((m) => m.to.includes("bob@example.com"));
    expect(mail.decoded).toContain("Subject: Hello");
  });
});

describe("without SMTP", () => {
  it("writes an .eml file and logs the message, link included, in development", async () => {
    const lines: string[] = [];
    const dir = await mkdtemp(join(tmpdir(), "sekuire-mail-"));
    const mailer = mailerFromEnv(
      { NODE_ENV: "development", SEKUIRE_MAIL_DIR: dir },
      { log: (l) => lines.push(l) },
    );
    expect(mailer.kind).toBe("file");
    await mailer.send({ to: "ada@example.com", ...signInLinkEmail({ url: LINK, host: "h" }) });
    expect(lines.join("\n")).toContain(LINK);
    expect(lines.join("\n")).toContain("ada@example.com");
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/sign-in-to-sekuire-h.*\.eml$/);
    const eml = decodeQuotedPrintable(await readFile(join(dir, files[0] as string), "utf8"));
    expect(eml).toMatch(/^To: ada@example\.com$/m);
    expect(eml).toMatch(/^Subject: Sign in to Sekuire \(h\)$/m);
    expect(eml).toContain(LINK);
    await rm(dir, { recursive: true });
  });

  it("refuses in production", () => {
    expect(() => mailerFromEnv({ NODE_ENV: "production" })).toThrow(/SMTP is not configured/);
  });
});

describe("mail settings", () => {
  it("refuse a malformed port or URL, naming the variable", () => {
    expect(() => mailerFromEnv({ SMTP_HOST: "mail", SMTP_PORT: "twenty-five" })).toThrow(
      /SMTP_PORT: must be a port number/,
    );
    expect(() => mailerFromEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL/);
    expect(() => mailerFromEnv({ SMTP_HOST: "mail", SMTP_SECURE: "yes" })).toThrow(/SMTP_SECURE/);
  });
});
