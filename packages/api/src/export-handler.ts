/**
 * GET /api/v1/decisions/export?organizationId=…[&workspaceId=…&from=…&to=…]: the decision
 * records as JSON lines (`application/x-ndjson`, `sekuire.decision/v1`), streamed page by page,
 * for an admin token (`Authorization: Bearer sek_admin_…`) or a console session. Refusals come
 * before the first line, in the one error envelope with their status.
 */

import { errorResponse } from "@sekuire/contracts";
import type { Principal } from "@sekuire/core/access";
import { openDecisionExport } from "@sekuire/core/decisions";
import { AppError } from "@sekuire/core/errors";
import type { Db } from "@sekuire/db";
import { TRPCError } from "@trpc/server";
import { adminTokenPrincipal } from "./http.js";

export interface ExportHandlerOptions {
  db: Db;
  resolvePrincipal?: (req: Request) => Promise<Principal | null>;
}

export function createExportHandler(options: ExportHandlerOptions) {
  const { db } = options;
  const resolvePrincipal = options.resolvePrincipal ?? ((req) => adminTokenPrincipal(db, req));
  return async (req: Request): Promise<Response> => {
    const requestId = `req_export_${Date.now().toString(36)}`;
    let principal: Principal | null;
    try {
      principal = await resolvePrincipal(req);
    } catch (error) {
      const message = error instanceof TRPCError ? error.message : "Not signed in.";
      return errorResponse("UNAUTHORIZED", message, { requestId });
    }
    if (!principal)
      return errorResponse("UNAUTHORIZED", "An admin token or a console session is required.", {
        requestId,
      });
    const query = Object.fromEntries(new URL(req.url).searchParams);
    let lines: AsyncIterable<unknown>;
    try {
      lines = await openDecisionExport(db, principal, query);
    } catch (error) {
      if (error instanceof AppError)
        return errorResponse(error.code, error.message, {
          requestId,
          ...(error.details ? { details: error.details } : {}),
        });
      throw error;
    }
    const encoder = new TextEncoder();
    const iterator = lines[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "cache-control": "no-store",
        "x-request-id": requestId,
        "content-disposition": 'attachment; filename="decisions.jsonl"',
      },
    });
  };
}
