/**
 * Prometheus metrics of one worker process (GET /metrics): jobs by queue, name and outcome,
 * their durations, each queue's depth by state (read from Redis at scrape time, so every
 * worker reports the shared queues alike), and Node's own process metrics.
 */
import type { Queue } from "bullmq";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export function createMetrics(queues: () => Queue[]) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sekuire_worker_" });
  const states = ["wait", "active", "delayed", "failed", "completed", "prioritized"] as const;
  return {
    registry,
    jobs: new Counter({
      name: "sekuire_jobs_total",
      help: "Jobs finished by this process, by queue, name and outcome (completed, failed).",
      labelNames: ["queue", "name", "outcome"] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "sekuire_job_duration_seconds",
      help: "Time a job took to process, by queue and name.",
      labelNames: ["queue", "name"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
    depth: new Gauge({
      name: "sekuire_queue_jobs",
      help: "Jobs in each queue by state, as Redis holds them at scrape time.",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
      async collect() {
        for (const queue of queues()) {
          const counts = await queue.getJobCounts(...states).catch(() => null);
          if (!counts) continue;
          for (const state of states) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
