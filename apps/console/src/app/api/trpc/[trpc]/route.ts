import { createApiHandler } from "@sekuire/api";
import { platformDb as db } from "@sekuire/core/runtime";
import { requestPrincipal } from "@/server/api-principal";
import { clientIp } from "@/server/client-ip";

export const dynamic = "force-dynamic";

let handle: ReturnType<typeof createApiHandler> | undefined;

function handler(req: Request): Promise<Response> {
  handle ??= createApiHandler({
    db,
    resolvePrincipal: (request) => requestPrincipal(db, request),
    // The console's server already read the address from the socket and trusted proxies
    // (client-ip.ts); X-Forwarded-For is not read a second time by another rule.
    trustProxy: 0,
  });
  return handle(req, { remoteAddress: clientIp(req.headers) ?? undefined });
}

export { handler as GET, handler as POST };
