/** Writing answers: JSON with the request id header, and the one error envelope. */
import type { ServerResponse } from "node:http";
import { type ErrorCode, errorEnvelope, httpStatusOf } from "@sekuire/contracts";
import type { HttpError } from "./errors.js";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, requestId: string, error: HttpError): void {
  sendJson(
    res,
    httpStatusOf(error.code),
    errorEnvelope(error.code, error.message, requestId, error.details),
    error.headers,
  );
}

/** The 503 of the decision path: the envelope's error beside `decision: "Deny"`. */
export function sendUnavailable(res: ServerResponse, requestId: string, message: string): void {
  const code: ErrorCode = "SERVICE_UNAVAILABLE";
  sendJson(res, 503, {
    decision: "Deny",
    reason: "Unavailable",
    ...errorEnvelope(code, message, requestId),
  });
}
