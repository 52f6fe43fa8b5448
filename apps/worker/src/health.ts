/**
 * The worker's HTTP face: GET /healthz (the process and its stores answer) and GET /metrics
 * (Prometheus). Nothing else: the worker takes its work from the queues.
 */
import { createServer, type Server } from "node:http";
import { type Db, databaseReady } from "@sekuire/core/runtime";
import type { Redis } from "ioredis";
import type { Metrics } from "./metrics.js";

export function createHealthServer(parts: {
  db: Db;
  redis: Redis;
  metrics: Metrics;
  metricsToken?: string;
  stopping: () => boolean;
}): Server {
  return createServer((req, res) => {
    const send = (status: number, body: string, type = "application/json; charset=utf-8") => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") return send(405, JSON.stringify({ error: "GET only" }));
    if (path === "/healthz") {
      void (async () => {
        const [postgres, redis] = await Promise.all([
          databaseReady(parts.db),
          parts.redis.ping().then(
            () => true,
            () => false,
          ),
        ]);
        const ok = postgres && redis && !parts.stopping();
        send(
          ok ? 200 : 503,
          JSON.stringify({
            status: ok ? "ok" : parts.stopping() ? "stopping" : "unready",
            checks: {
              postgres: postgres ? "ok" : "unreachable",
              redis: redis ? "ok" : "unreachable",
            },
          }),
        );
      })();
      return;
    }
    if (path === "/metrics") {
      if (parts.metricsToken && req.headers.authorization !== `Bearer ${parts.metricsToken}`)
        return send(401, JSON.stringify({ error: "a bearer token is needed here" }));
      void parts.metrics.registry
        .metrics()
        .then((text) => send(200, text, parts.metrics.registry.contentType));
      return;
    }
    send(404, JSON.stringify({ error: `no route ${path}` }));
  });
}
