/**
 * GET /healthz: the process answers (liveness). GET /readyz: its stores answer (readiness):
 * a load balancer stops sending work to a process whose Postgres is gone.
 */
import { databaseReady } from "@sekuire/core/runtime";
import { sendJson } from "../http/reply.js";
import type { Route } from "./route.js";

export const healthzRoute: Route = {
  method: "GET",
  path: "/healthz",
  handle({ res }) {
    sendJson(res, 200, { status: "ok" });
  },
};

export const readyzRoute: Route = {
  method: "GET",
  path: "/readyz",
  async handle({ app, res }) {
    const postgres = await databaseReady(app.db);
    const checks = { postgres: postgres ? "ok" : "unreachable" };
    sendJson(res, postgres ? 200 : 503, { status: postgres ? "ready" : "unready", checks });
  },
};
