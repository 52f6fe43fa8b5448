/**
 * Errors of the console's own HTTP routes (not tRPC), in the one envelope of
 * @sekuire/contracts: `{ error: { code, message, requestId, details? } }`. Core's AppError keeps
 * its code and details; anything else is a 500 that explains nothing but its request id.
 */
import { randomUUID } from "node:crypto";
import { errorResponse } from "@sekuire/contracts";
import { AppError } from "@sekuire/core/errors";

export function newRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}

export function routeErrorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError)
    return errorResponse(error.code, error.message, { requestId, details: error.details });
  console.error(`[console] request ${requestId} failed`, error);
  return errorResponse("INTERNAL_SERVER_ERROR", "Something went wrong on our side.", { requestId });
}
