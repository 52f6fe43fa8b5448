/**
 * GET /healthz: the process answers (liveness). GET /readyz: its stores answer (readiness):
 * a load balancer stops sending work to a process whose Postgres is gone.
 */
import { databaseReady } from "@sekuire/core/runtime";
import { sendJson } from "../http/reply.js";
import { withDeadline } from "../state/deadline.js";
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
    const [postgres, redis] = await Promise.all([
      databaseReady(app.db),
      withDeadline("Redis", 1000, app.redis.ping()).then(
        () => true,
        () => false,
      ),
    ]);
    const checks = {
      postgres: postgres ? "ok" : "unreachable",
      redis: redis ? "ok" : "unreachable",
    };
    const ready = postgres && redis;
    sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "unready", checks });
  },
};
