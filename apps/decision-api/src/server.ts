/**
 * The decision API's HTTP server: node:http, no framework (the hot path is one route). Each
 * request gets an id, a route, and one way to fail: the envelope with the right status, or on
 * the decision path a 503 whose body still reads Deny. Unexpected errors are logged with the
 * request id and never shown.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AppError } from "@sekuire/core/errors";
import type { DecisionApp } from "./app.js";
import { HttpError, Unavailable } from "./http/errors.js";
import { sendError, sendUnavailable } from "./http/reply.js";
import { requestIdOf } from "./http/request-id.js";
import { Router } from "./router.js";
import { ROUTES } from "./routes/index.js";
import type { Route } from "./routes/route.js";

export function createDecisionServer(app: DecisionApp, routes: readonly Route[] = ROUTES): Server {
  const router = new Router(routes);
  const server = createServer((req, res) => {
    void handle(app, router, req, res);
  });
  // Agents keep connections open between decisions; a slow client cannot hold one forever.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 120_000;
  return server;
}

async function handle(
  app: DecisionApp,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const requestId = requestIdOf(req);
  res.setHeader("x-request-id", requestId);
  let child: DecisionApp["logger"] | undefined;
  const url = new URL(req.url ?? "/", "http://decision-api");
  const match = router.match(req.method ?? "GET", url.pathname);
  if (!match.found) {
    const error =
      match.allowed.length > 0
        ? new HttpError("METHOD_NOT_SUPPORTED", `Use ${match.allowed.join(" or ")} here.`, [], {
            allow: match.allowed.join(", "),
          })
        : new HttpError("NOT_FOUND", `No route ${url.pathname}.`);
    sendError(res, requestId, error);
    return;
  }
  const { route, params } = match;
  res.on("finish", () =>
    app.metrics.requests.inc({ route: route.path, status: String(res.statusCode) }),
  );
  try {
    await route.handle({
      app,
      req,
      res,
      url,
      requestId,
      startedAt,
      params,
      // Made on first use: most decisions log nothing below the info level.
      get logger() {
        child ??= app.logger.child({ requestId });
        return child;
      },
    });
  } catch (error) {
    fail(app, route, res, requestId, error);
  }
}

function fail(
  app: DecisionApp,
  route: Route,
  res: ServerResponse,
  requestId: string,
  error: unknown,
): void {
  const logger = app.logger.child({ requestId });
  const unavailable = () => {
    app.metrics.decisions.inc({ decision: "Deny", reason: "Unavailable" });
  };
  if (res.headersSent) {
    logger.error({ err: error }, "failed after the answer started");
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendError(res, requestId, error);
    return;
  }
  if (error instanceof AppError) {
    sendError(res, requestId, new HttpError(error.code, error.message, error.details));
    return;
  }
  if (error instanceof Unavailable) {
    logger.warn({ err: error.cause ?? error, why: error.message }, "unavailable: answered Deny");
    if (route.decides) {
      unavailable();
      sendUnavailable(res, requestId, error.message);
    } else sendError(res, requestId, new HttpError("SERVICE_UNAVAILABLE", error.message));
    return;
  }
  logger.error({ err: error }, "unexpected error");
  const message = "Something went wrong on our side; nothing was decided.";
  if (route.decides) {
    unavailable();
    sendUnavailable(res, requestId, message);
  } else sendError(res, requestId, new HttpError("INTERNAL_SERVER_ERROR", message));
}
