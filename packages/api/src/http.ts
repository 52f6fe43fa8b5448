/**
 * The HTTP surface: a fetch handler for the console's route (`app/api/trpc/[trpc]/route.ts`) and
 * for scripts. Callers are identified by `resolvePrincipal`: by default an
 * `Authorization: Bearer sek_admin_…` token verified against its hash; the console adds sessions
 * through the same hook. Where the request came from (origin.ts) goes into the context and from
 * there onto the principal, so the audit events of its changes record it.
 */
import { randomUUID } from "node:crypto";
import type { Principal } from "@sekuire/core/access";
import { verifyAdminToken } from "@sekuire/core/admin-tokens";
import type { Db } from "@sekuire/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestOrigin, trustedProxyHops } from "./origin.js";
import { appRouter } from "./router.js";
import type { Context } from "./trpc.js";

export const DEFAULT_ENDPOINT = "/api/trpc";

export interface ApiHandlerOptions {
  db: Db;
  /** Who is calling; null for nobody. Defaults to `adminTokenPrincipal`. */
  resolvePrincipal?: (req: Request) => Promise<Principal | null>;
  /** The path prefix the handler is mounted at (default `/api/trpc`). */
  endpoint?: string;
  /** Called with unexpected errors (not AppErrors), e.g. to log them with their request id. */
  onInternalError?: (error: unknown, requestId: string) => void;
  /** Proxies whose `X-Forwarded-For` is believed; default: `SEKUIRE_TRUST_PROXY` (none). */
  trustProxy?: number;
}

/** What a server knows about the connection that a fetch Request does not carry. */
export interface ClientConnection {
  /** the socket's peer address (node:http `req.socket.remoteAddress`) */
  remoteAddress?: string;
}

export type ApiHandler = (req: Request, connection?: ClientConnection) => Promise<Response>;

/** The admin token in `Authorization: Bearer sek_admin_…`, verified; null when absent or invalid. */
export async function adminTokenPrincipal(db: Db, req: Request): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  const secret = match?.[1];
  if (!secret?.startsWith("sek_admin_")) return null;
  return verifyAdminToken(db, secret);
}

export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const { db } = options;
  const trustProxy = options.trustProxy ?? trustedProxyHops();
  const resolvePrincipal = options.resolvePrincipal ?? ((req) => adminTokenPrincipal(db, req));
  const onInternalError =
    options.onInternalError ??
    ((error, requestId) => console.error(`[api] request ${requestId} failed`, error));
  return (req, connection) =>
    fetchRequestHandler({
      endpoint: options.endpoint ?? DEFAULT_ENDPOINT,
      req,
      router: appRouter,
      createContext: async (): Promise<Context> => ({
        db,
        principal: await resolvePrincipal(req),
        requestId: requestIdOf(req),
        origin: requestOrigin(req.headers, connection?.remoteAddress, trustProxy),
      }),
      onError({ error, ctx }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          onInternalError(error.cause ?? error, ctx?.requestId ?? "unknown");
      },
      responseMeta({ ctx }) {
        return ctx ? { headers: { "x-request-id": ctx.requestId } } : {};
      },
    });
}

/** A caller's own request id when it is short and plain, so logs on both sides line up. */
function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  if (given && /^[\w.-]{1,64}$/.test(given)) return given;
  return `req_${randomUUID().replaceAll("-", "")}`;
}
