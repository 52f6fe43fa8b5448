/**
 * One error model for every surface: a closed list of codes, one table mapping them to HTTP and
 * tRPC statuses. The HTTP body is `{ error: { code, message, requestId, details? } }`, where
 * `details` lists `{ pointer, message }` for each bad field (JSON Pointer into the input).
 */

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  pointer: string;
  message: string;
  /** a stable code, e.g. a policy finding's code */
  code?: string;
  line?: number;
  column?: number;
}

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
    return ERROR_STATUS[this.code];
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
