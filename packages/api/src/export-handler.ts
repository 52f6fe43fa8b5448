/**
 * GET /api/v1/decisions/export?organizationId=…[&format=jsonl|csv][&workspaceId=…&agentId=…
 * &decision=…&reason=…&action=…&resource=…&from=…&to=…]: the decision records under the
 * explorer's filters (core's filters.ts), oldest first, streamed page by page: JSON lines
 * (`application/x-ndjson`, `sekuire.decision/v1`, the default) or CSV (`text/csv`, RFC 4180,
 * formula-defused cells: csv.ts). For an admin token (`Authorization: Bearer sek_admin_…`) or
 * a console session. Empty parameters are ignored (a GET form sends them). Refusals come before
 * the first line, in the one error envelope with their status.
 */

import { type DecisionExportLine, errorResponse } from "@sekuire/contracts";
import type { Principal } from "@sekuire/core/access";
import { openDecisionExport } from "@sekuire/core/decisions";
import { AppError } from "@sekuire/core/errors";
import type { Db } from "@sekuire/db";
import { TRPCError } from "@trpc/server";
import { decisionCsvHeader, decisionCsvRow } from "./csv.js";
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
    const query = Object.fromEntries(
      [...new URL(req.url).searchParams].filter(([, value]) => value !== ""),
    );
    const format = query.format ?? "jsonl";
    if (format !== "jsonl" && format !== "csv")
      return errorResponse("BAD_REQUEST", "The input is not valid.", {
        requestId,
        details: [{ pointer: "/format", message: 'Must be "jsonl" or "csv".' }],
      });
    let lines: AsyncIterable<DecisionExportLine>;
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
    const encode =
      format === "csv" ? decisionCsvRow : (line: DecisionExportLine) => `${JSON.stringify(line)}\n`;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (format === "csv") controller.enqueue(encoder.encode(decisionCsvHeader()));
      },
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(encode(next.value)));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type":
          format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "cache-control": "no-store",
        "x-request-id": requestId,
        "content-disposition": `attachment; filename="decisions.${format}"`,
      },
    });
  };
}
