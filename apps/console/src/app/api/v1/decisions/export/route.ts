/**
 * The decision export, streamed as JSON lines: for an admin token or the signed-in admin
 * (@sekuire/api's createExportHandler; who may read it is core's rule).
 */
import { createExportHandler } from "@sekuire/api";
import { platformDb as db } from "@sekuire/core/runtime";
import { requestPrincipal } from "@/server/api-principal";

export const dynamic = "force-dynamic";

let handle: ReturnType<typeof createExportHandler> | undefined;

export function GET(req: Request): Promise<Response> {
  handle ??= createExportHandler({ db, resolvePrincipal: (r) => requestPrincipal(db, r) });
  return handle(req);
}
