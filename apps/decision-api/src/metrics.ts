/**
 * Prometheus metrics of one decision API process (GET /metrics): decisions by outcome and
 * reason, decision latency, cache hits and misses, audit group-commit batch sizes and times, requests by
 * route and status, and Node's own process metrics.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sekuire_decision_api_" });
  return {
    registry,
    decisions: new Counter({
      name: "sekuire_decisions_total",
      help: "Decisions answered, by outcome and reason.",
      labelNames: ["decision", "reason"] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: "sekuire_decision_duration_seconds",
      help: "Time from request to answer for decisions, record commit included.",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    cache: new Counter({
      name: "sekuire_cache_lookups_total",
      help: "Key and config cache lookups, by cache and result.",
      labelNames: ["cache", "result"] as const,
      registers: [registry],
    }),
    auditBatch: new Histogram({
      name: "sekuire_audit_batch_size",
      help: "Decision records committed per group-commit transaction.",
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500],
      registers: [registry],
    }),
    auditCommit: new Histogram({
      name: "sekuire_audit_commit_seconds",
      help: "Time of one group-commit transaction, from taking the batch to its commit.",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    requests: new Counter({
      name: "sekuire_http_requests_total",
      help: "HTTP requests, by route and status.",
      labelNames: ["route", "status"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
