/**
 * A webhook delivery against a real local receiver: signed so the receiver can check it (and a
 * replay or a changed body fails the check), refused before connecting to a non-public address
 * unless allowed, redirects not followed, a non-2xx answer an error to retry.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RefusedAddressError } from "@sekuire/net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkWebhookSignature,
  sendWebhook,
  WebhookRefused,
  webhookSignature,
} from "../../src/webhooks/index.js";

const SECRET = "whsec_test_0123456789abcdef";
const received: Array<{ headers: IncomingMessage["headers"]; body: string; path: string }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body, path: req.url ?? "" });
      if (req.url === "/fail") res.writeHead(500).end();
      else if (req.url === "/moved")
        res.writeHead(302, { location: "http://169.254.169.254/" }).end();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const options = { secret: SECRET, deliveryId: "ntf_1", event: "approval.requested" };
const loopback = { ...options, policy: { allowLoopback: true } };

describe("sending a webhook", () => {
  it("delivers a signed body the receiver can check", async () => {
    const body = JSON.stringify({ schema: "sekuire.webhook/v1", approvalId: "apr_1" });
    expect(await sendWebhook(`${base}/hook`, body, loopback)).toEqual({ status: 204 });
    const got = received.at(-1);
    expect(got?.body).toBe(body);
    expect(got?.headers["sekuire-event"]).toBe("approval.requested");
    expect(got?.headers["sekuire-delivery"]).toBe("ntf_1");
    const header = got?.headers["sekuire-signature"] as string;
    expect(checkWebhookSignature(SECRET, header, body)).toEqual({ ok: true });
    expect(checkWebhookSignature("another-secret-0123", header, body)).toEqual({
      ok: false,
      why: "mismatch",
    });
    expect(checkWebhookSignature(SECRET, header, `${body} `)).toEqual({
      ok: false,
      why: "mismatch",
    });
    // A delivery replayed ten minutes later fails the receiver's time check.
    expect(checkWebhookSignature(SECRET, header, body, new Date(Date.now() + 600_000))).toEqual({
      ok: false,
      why: "stale",
    });
    expect(checkWebhookSignature(SECRET, "t=1,v1=zz", body)).toEqual({
      ok: false,
      why: "malformed",
    });
  });

  it("refuses loopback, by name or literal, unless allowed, before anything reaches it", async () => {
    const before = received.length;
    await expect(sendWebhook(`${base}/hook`, "{}", options)).rejects.toBeInstanceOf(
      RefusedAddressError,
    );
    const literal = base.replace("localhost", "127.0.0.1");
    await expect(sendWebhook(`${literal}/hook`, "{}", options)).rejects.toBeInstanceOf(
      RefusedAddressError,
    );
    await expect(
      sendWebhook("http://169.254.169.254/latest/meta-data", "{}", loopback),
    ).rejects.toBeInstanceOf(RefusedAddressError);
    expect(received.length).toBe(before);
  });

  it("treats a non-2xx answer as a failure to retry, and never follows a redirect", async () => {
    await expect(sendWebhook(`${base}/fail`, "{}", loopback)).rejects.toMatchObject({
      name: "WebhookRefused",
      status: 500,
    });
    await expect(sendWebhook(`${base}/moved`, "{}", loopback)).rejects.toBeInstanceOf(
      WebhookRefused,
    );
    await expect(sendWebhook("ftp://example.com/x", "{}", loopback)).rejects.toThrow(/not an http/);
  });

  it("signs the timestamp with the body", () => {
    expect(webhookSignature(SECRET, 1, "{}")).not.toBe(webhookSignature(SECRET, 2, "{}"));
    expect(webhookSignature(SECRET, 1, "{}")).toMatch(/^t=1,v1=[0-9a-f]{64}$/);
  });
});
