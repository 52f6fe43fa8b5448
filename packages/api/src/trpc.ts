/**
 * tRPC setup: the context, the error model and the procedure tiers.
 *
 * Organization-scoped authorization lives in core (every service calls `authorize` with the
 * organization id from its input and reads the role from the database), so the tiers here only
 * establish who is calling; procedures stay thin and cannot forget a tenant check.
 */

import { type ErrorBody, errorCodeOfStatus, trpcCodeOf } from "@sekuire/contracts";
import type { Principal, RequestOrigin } from "@sekuire/core/access";
import { AppError, type ErrorDetail } from "@sekuire/core/errors";
import { invalidInput } from "@sekuire/core/shared";
import type { Db } from "@sekuire/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export interface Context {
  db: Db;
  /** null: nobody signed in and no valid admin token */
  principal: Principal | null;
  /** echoed in every error and in the `x-request-id` response header */
  requestId: string;
  /**
   * Where the request came from (`requestOrigin(headers, remoteAddress)`): put on the principal
   * by `authedProcedure`, so every audit event of the call records it. Server-side callers set
   * it too; a principal that already has an origin keeps its own.
   */
  origin?: RequestOrigin;
}

/**
 * What every error carries in `error.data`: the fields of the one envelope's body
 * (`{ code, message, requestId, details }`, @sekuire/contracts), besides tRPC's own `httpStatus`
 * and `path`. tRPC keeps its JSON-RPC-like wire (`{ error: { message, code, data } }`) for its
 * clients; every plain HTTP route answers the envelope itself.
 */
export interface ApiErrorData extends Omit<ErrorBody, "details"> {
  details: ErrorDetail[];
  httpStatus: number;
  path?: string;
}

const INTERNAL_MESSAGE = "Something went wrong on our side; the request id identifies it.";

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeOf(error.code), message: error.message, cause: error });
}

/**
 * The AppError behind a failure: core's own, or a procedure's declared input refusing the input
 * (tRPC's BAD_REQUEST with the ZodError as its cause), told the way core tells it: one
 * `{ pointer, message }` per bad field.
 */
export function appErrorOf(cause: unknown): AppError | undefined {
  if (cause instanceof AppError) return cause;
  if (cause instanceof ZodError) return invalidInput(cause);
  return undefined;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const app = appErrorOf(error.cause);
    // Unexpected failures (a database error, a bug) are not explained to the caller.
    const hidden = error.code === "INTERNAL_SERVER_ERROR" && !app;
    const message = hidden ? INTERNAL_MESSAGE : (app?.message ?? error.message);
    const data: ApiErrorData = {
      // tRPC's code names are the contracts' codes; a code outside the table (e.g. PARSE_ERROR)
      // reads as the code of its HTTP status.
      code: app?.code ?? errorCodeOfStatus(shape.data.httpStatus),
      message,
      requestId: ctx?.requestId ?? null,
      details: app?.details ?? [],
      httpStatus: shape.data.httpStatus,
      ...(shape.data.path !== undefined ? { path: shape.data.path } : {}),
    };
    return { code: shape.code, message, data };
  },
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/**
 * Core throws AppError; tRPC would report any thrown error as INTERNAL_SERVER_ERROR, so every
 * procedure turns an AppError into the TRPCError of the same code (and HTTP status) here.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(appErrors);

/** A signed-in user or a verified admin token; organization roles are checked by core. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal)
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send an admin token." });
  const { principal, origin } = ctx;
  return next({
    ctx: { principal: origin && !principal.origin ? { ...principal, origin } : principal },
  });
});
