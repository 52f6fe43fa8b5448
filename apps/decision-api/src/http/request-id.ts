/**
 * Each request's id: the caller's `X-Request-Id` when it is a plain token (so a trace crosses
 * services), else a new one. It is in the response header, every log line and error body.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  if (typeof given === "string" && SAFE_ID.test(given)) return given;
  return `req_${randomUUID().replaceAll("-", "")}`;
}
