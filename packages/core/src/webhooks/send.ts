/**
 * Sending one webhook delivery: a POST of the JSON body, signed, to a URL whose addresses are
 * checked when the connection is made (@sekuire/net's guarded lookup: no private, loopback or
 * link-local target unless the operator allows it), with a deadline. Redirects are not
 * followed (a redirect to an internal address is the classic way around such a check). A
 * 2xx answer is delivered; anything else is an error for the caller to retry.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { checkLiteralHost, guardedLookup, type OutboundPolicy } from "@sekuire/net";
import { SIGNATURE_HEADER, webhookSignature } from "./signature.js";

export interface WebhookSendOptions {
  secret: string;
  /** the delivery's id (receivers de-duplicate by it) and the event's name */
  deliveryId: string;
  event: string;
  policy?: OutboundPolicy;
  timeoutMs?: number;
  now?: Date;
}

export class WebhookRefused extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "WebhookRefused";
  }
}

export async function sendWebhook(
  url: string,
  body: string,
  options: WebhookSendOptions,
): Promise<{ status: number }> {
  const target = new URL(url);
  if (target.protocol !== "https:" && target.protocol !== "http:")
    throw new WebhookRefused(`${target.protocol} is not an http(s) URL`);
  checkLiteralHost(target.hostname, options.policy);
  const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: "POST",
        // A fresh connection a delivery, looked up and checked: a pooled socket would skip both.
        agent: false,
        lookup: guardedLookup(options.policy),
        timeout: options.timeoutMs ?? 10_000,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Sekuire-Webhooks/1",
          "sekuire-event": options.event,
          "sekuire-delivery": options.deliveryId,
          [SIGNATURE_HEADER]: webhookSignature(options.secret, timestamp, body),
        },
      },
      (res) => {
        res.resume(); // the answer's body is not read
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve({ status });
        else reject(new WebhookRefused(`the receiver answered ${status}`, status));
      },
    );
    req.on("timeout", () => req.destroy(new WebhookRefused("the receiver did not answer in time")));
    req.on("error", reject);
    req.end(body);
  });
}
