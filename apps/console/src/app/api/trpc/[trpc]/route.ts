import { adminTokenPrincipal, createApiHandler } from "@sekuire/api";
import { db } from "@sekuire/db";
import { sessionPrincipal } from "@/server/auth";

export const dynamic = "force-dynamic";

let handle: ((req: Request) => Promise<Response>) | undefined;

function handler(req: Request): Promise<Response> {
  handle ??= createApiHandler({
    db,
    // An admin token (Bearer sek_admin_…) wins; otherwise the next-auth session, as a user.
    resolvePrincipal: async (request) =>
      (await adminTokenPrincipal(db, request)) ?? (await sessionPrincipal()),
  });
  return handle(req);
}

export { handler as GET, handler as POST };
