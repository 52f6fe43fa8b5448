/**
 * Core's errors: an AppError carries one of the contracts' codes (the one table from code to
 * HTTP status and tRPC code lives in @sekuire/contracts), a message for people and, for bad
 * input, `{ pointer, message }` per field. Every surface turns it into the one envelope
 * `{ error: { code, message, requestId, details? } }`.
 */
import { type ErrorCode, type ErrorDetail, httpStatusOf } from "@sekuire/contracts";

export type { ErrorCode, ErrorDetail } from "@sekuire/contracts";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

/**
 * Another organization's id and a missing id look the same from outside: NOT_FOUND either way,
 * so nobody can probe which ids exist elsewhere.
 */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} was not found.`);
}

export function forbidden(message: string): AppError {
  return new AppError("FORBIDDEN", message);
}
