/**
 * The worker process: `node dist/main.js`. Stateless: any number run side by side over one
 * Postgres and one Redis; BullMQ hands each job to one of them. It runs the approval expiry,
 * notification and maintenance queues, keeps the sweeper's schedule, and answers /healthz and
 * /metrics. SIGTERM stops taking jobs, lets running ones finish (up to
 * SEKUIRE_SHUTDOWN_GRACE_MS; an unfinished one goes back to the queue for another worker).
 */
import type { AddressInfo } from "node:net";
import { platformMailer } from "@sekuire/core/mail";
import { disconnectDb, platformDb } from "@sekuire/core/runtime";
import { type WebhookConfig, webhookConfigFromEnv } from "@sekuire/core/webhooks";
import { QUEUES, queuePrefix, workerConnection } from "@sekuire/jobs";
import { subscribeDecisionChanges } from "@sekuire/redis";
import { type Job, Queue, Worker } from "bullmq";
import { workerEnv } from "./env.js";
import { createHealthServer } from "./health.js";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import {
  approvalsProcessor,
  maintenanceProcessor,
  notificationsProcessor,
  tellResolved,
  type WorkerDeps,
} from "./processors.js";

function start() {
  let env: ReturnType<typeof workerEnv>;
  let mailer: ReturnType<typeof platformMailer>;
  let webhooks: WebhookConfig;
  try {
    env = workerEnv();
    mailer = platformMailer();
    webhooks = webhookConfigFromEnv();
  } catch (error) {
    console.error(`[worker] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const logger = createLogger(env.SEKUIRE_LOG_LEVEL);
  const connection = workerConnection(env.REDIS_URL, "sekuire-worker");
  const prefix = queuePrefix(env.SEKUIRE_QUEUE_PREFIX);
  const queues = {
    approvals: new Queue(QUEUES.approvals, { connection, prefix }),
    notifications: new Queue(QUEUES.notifications, { connection, prefix }),
    maintenance: new Queue(QUEUES.maintenance, { connection, prefix }),
  };
  const metrics = createMetrics(() => Object.values(queues));
  const deps: WorkerDeps = {
    db: platformDb,
    mailer,
    webhooks,
    consoleUrl: env.SEKUIRE_CONSOLE_URL,
    logger,
    sweepQueues: { ...queues, redis: connection, prefix },
    notifyGraceMs: env.SEKUIRE_NOTIFY_GRACE_SECONDS * 1000,
    sweepBatch: env.SEKUIRE_SWEEP_BATCH,
    checkpointKey: env.SEKUIRE_CHECKPOINT_KEY ?? null,
    approvalRetentionDays: env.SEKUIRE_APPROVAL_RETENTION_DAYS,
  };
  if (!webhooks.key)
    logger.warn("SEKUIRE_WEBHOOK_KEY is not set: webhook deliveries fail until it is");
  if (!deps.checkpointKey)
    logger.warn("SEKUIRE_CHECKPOINT_KEY is not set: audit retention deletes nothing until it is");
  const processors = {
    [QUEUES.approvals]: approvalsProcessor(deps),
    [QUEUES.notifications]: notificationsProcessor(deps),
    [QUEUES.maintenance]: maintenanceProcessor(deps),
  };
  const workers = Object.entries(processors).map(([queue, process]) => {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const end = metrics.duration.startTimer({ queue, name: job.name });
        try {
          return await process(job);
        } finally {
          end();
        }
      },
      {
        connection: workerConnection(env.REDIS_URL, `sekuire-worker-${queue}`),
        prefix,
        concurrency: queue === QUEUES.maintenance ? 1 : env.SEKUIRE_WORKER_CONCURRENCY,
      },
    );
    worker.on("completed", (job) =>
      metrics.jobs.inc({ queue, name: job.name, outcome: "completed" }),
    );
    worker.on("failed", (job, error) => {
      metrics.jobs.inc({ queue, name: job?.name ?? "unknown", outcome: "failed" });
      logger.warn(
        { queue, jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, err: error },
        "job failed",
      );
    });
    worker.on("error", (error) => logger.error({ queue, err: error }, "worker error"));
    return worker;
  });
  // One schedule each for every worker process (the id makes it one), kept when it exists.
  const schedule = (id: string, name: string, everySeconds: number) =>
    queues.maintenance
      .upsertJobScheduler(
        id,
        { every: everySeconds * 1000 },
        { name, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      )
      .catch((error: unknown) => logger.error({ err: error, id }, "a schedule could not be set"));
  void schedule("approvals-sweep", "approvals.sweep", env.SEKUIRE_SWEEP_SECONDS);
  void schedule("audit-retention", "audit.retention", env.SEKUIRE_RETENTION_EVERY_SECONDS);

  // Decisions made anywhere (console, API) are announced: their webhooks hear at once. A missed
  // announcement (a reconnect) is the sweeper's to catch up.
  const decided = subscribeDecisionChanges(
    env.REDIS_URL,
    {
      onChange: () => {},
      onResync: () => {},
      onApprovalDecided: (approvalId) =>
        void tellResolved(deps, approvalId).catch((error: unknown) =>
          logger.warn({ err: error, approvalId }, "resolution webhook not queued"),
        ),
    },
    "sekuire-worker-decided",
  );

  let stopping = false;
  const server = createHealthServer({
    db: platformDb,
    redis: connection,
    metrics,
    ...(env.SEKUIRE_METRICS_TOKEN ? { metricsToken: env.SEKUIRE_METRICS_TOKEN } : {}),
    stopping: () => stopping,
  });
  server.listen({ port: env.PORT, ...(env.HOST ? { host: env.HOST } : {}) }, () => {
    const { port, address } = server.address() as AddressInfo;
    logger.info({ port, address }, `worker listening on port ${port}`);
  });
  server.on("error", (error) => {
    logger.fatal({ err: error }, "the health server could not listen");
    process.exit(1);
  });

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing running jobs");
    const grace = setTimeout(() => {
      logger.warn("grace over: unfinished jobs go back to the queue");
      process.exit(0);
    }, env.SEKUIRE_SHUTDOWN_GRACE_MS);
    await decided.close();
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(Object.values(queues).map((q) => q.close()));
    connection.disconnect();
    mailer.close();
    await disconnectDb();
    clearTimeout(grace);
    server.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

start();
