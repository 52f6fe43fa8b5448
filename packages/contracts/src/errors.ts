/**
 * The one error model of every HTTP surface: a closed list of codes, one table from each code to
 * its HTTP status and tRPC code, and the envelope
 * `{ error: { code, message, requestId, details? } }`, where `details` lists `{ pointer, message }`
 * for each bad field (a JSON Pointer into the request body).
 *
 * The codes are tRPC's names, so a procedure's error and a plain HTTP route's error read alike;
 * the table is checked against tRPC's own status mapping by @sekuire/api's tests.
 */
import { z } from "zod";

export const ERROR_TABLE = {
  BAD_REQUEST: { http: 400, trpc: "BAD_REQUEST" },
  UNAUTHORIZED: { http: 401, trpc: "UNAUTHORIZED" },
  FORBIDDEN: { http: 403, trpc: "FORBIDDEN" },
  NOT_FOUND: { http: 404, trpc: "NOT_FOUND" },
  METHOD_NOT_SUPPORTED: { http: 405, trpc: "METHOD_NOT_SUPPORTED" },
  CONFLICT: { http: 409, trpc: "CONFLICT" },
  PRECONDITION_FAILED: { http: 412, trpc: "PRECONDITION_FAILED" },
  PAYLOAD_TOO_LARGE: { http: 413, trpc: "PAYLOAD_TOO_LARGE" },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, trpc: "UNSUPPORTED_MEDIA_TYPE" },
  UNPROCESSABLE_CONTENT: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  TOO_MANY_REQUESTS: { http: 429, trpc: "TOO_MANY_REQUESTS" },
  INTERNAL_SERVER_ERROR: { http: 500, trpc: "INTERNAL_SERVER_ERROR" },
  SERVICE_UNAVAILABLE: { http: 503, trpc: "SERVICE_UNAVAILABLE" },
} as const;

export type ErrorCode = keyof typeof ERROR_TABLE;
export type TrpcErrorCode = (typeof ERROR_TABLE)[ErrorCode]["trpc"];

export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_TABLE[code].http;
}

export function trpcCodeOf(code: ErrorCode): TrpcErrorCode {
  return ERROR_TABLE[code].trpc;
}

/** The code of an HTTP status (a proxy's 502 reads as INTERNAL_SERVER_ERROR). */
export function errorCodeOfStatus(status: number): ErrorCode {
  const code = ERROR_CODES.find((c) => ERROR_TABLE[c].http === status);
  if (code) return code;
  return status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
}

export const errorCodeSchema = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

export const errorDetailSchema = z
  .object({
    pointer: z.string().describe("JSON Pointer (RFC 6901) into the request body; '' = the whole"),
    message: z.string(),
    code: z.string().optional().describe("a stable code, e.g. a policy finding's"),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .meta({ id: "ErrorDetail" });

export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const errorBodySchema = z
  .object({
    code: errorCodeSchema,
    message: z.string(),
    requestId: z.string().nullable().describe("also in the x-request-id response header"),
    details: z.array(errorDetailSchema).optional(),
  })
  .meta({ id: "ErrorBody" });

export type ErrorBody = z.infer<typeof errorBodySchema>;

export const errorEnvelopeSchema = z.object({ error: errorBodySchema }).meta({ id: "Error" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export function errorEnvelope(
  code: ErrorCode,
  message: string,
  requestId: string | null,
  details?: ErrorDetail[],
): ErrorEnvelope {
  return {
    error: { code, message, requestId, ...(details && details.length > 0 ? { details } : {}) },
  };
}

/** The envelope as a fetch Response with its code's status and the request id header. */
export function errorResponse(
  code: ErrorCode,
  message: string,
  options: {
    requestId?: string | null;
    details?: ErrorDetail[];
    headers?: Record<string, string>;
  } = {},
): Response {
  const requestId = options.requestId ?? null;
  const headers = new Headers(options.headers);
  if (requestId) headers.set("x-request-id", requestId);
  return Response.json(errorEnvelope(code, message, requestId, options.details), {
    status: httpStatusOf(code),
    headers,
  });
}
