/**
 * Who calls the console's HTTP API (/api/trpc). Rule: a request that carries an Authorization
 * header is judged by it alone: a valid admin token (`Bearer sek_admin_…`) acts as that token,
 * anything else is 401, even beside a valid session cookie; a bad credential must never fall
 * back to another one. Only without the header does the next-auth session count.
 */
import { adminTokenPrincipal } from "@sekuire/api";
import type { Principal } from "@sekuire/core/access";
import type { Db } from "@sekuire/core/runtime";
import { TRPCError } from "@trpc/server";
import { sessionPrincipal } from "./auth";

export async function requestPrincipal(db: Db, req: Request): Promise<Principal | null> {
  if (!req.headers.has("authorization")) return sessionPrincipal();
  const token = await adminTokenPrincipal(db, req);
  if (token) return token;
  throw new TRPCError({
    code: "UNAUTHORIZED",
    message: "The Authorization header holds no valid admin token (Bearer sek_admin_…).",
  });
}
