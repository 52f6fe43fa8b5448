/**
 * What a route throws to refuse a request: one of the contracts' codes, a message for people,
 * `{ pointer, message }` per bad field, and headers (Retry-After). `Unavailable` is the decision
 * path's 503, whose body still reads Deny so a client that reads only `decision` is safe.
 */
import type { ErrorCode, ErrorDetail } from "@sekuire/contracts";

export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** It cannot decide safely (a store is down, a record not durable): 503, Deny. */
export class Unavailable extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "Unavailable";
  }
}
