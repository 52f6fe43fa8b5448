/** What a route is: a method and path pattern, and a handler over the request's context. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { DecisionApp } from "../app.js";

export interface RouteContext {
  app: DecisionApp;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  /** process.hrtime.bigint() at arrival */
  startedAt: bigint;
  params: Record<string, string>;
  logger: Logger;
}

export interface Route {
  method: "GET" | "POST";
  /** e.g. /v1/decisions/:id/complete */
  path: string;
  /** On the decision path: any failure answers 503 Deny (fail closed), not 500. */
  decides?: boolean;
  handle(context: RouteContext): Promise<void> | void;
}
