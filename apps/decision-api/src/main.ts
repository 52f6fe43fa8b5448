/**
 * The decision API process: `node dist/main.js` (PORT, default 4000). Stateless: any number run
 * side by side over one Postgres. SIGTERM/SIGINT stop taking connections, let in-flight requests
 * finish (up to SEKUIRE_SHUTDOWN_GRACE_MS), flush the decision log and exit.
 */
import type { AddressInfo } from "node:net";
import { GroupCommitLog } from "@sekuire/core/decisions";
import { createDecisionLogPool, disconnectDb, platformDb } from "@sekuire/core/runtime";
import { createJobProducer } from "@sekuire/jobs";
import { refuseHopCount, trustedProxies } from "@sekuire/net";
import { connectRedis, subscribeDecisionChanges } from "@sekuire/redis";
import { createApp } from "./app.js";
import { decisionApiEnv } from "./env.js";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import { createDecisionServer } from "./server.js";

function start() {
  let env: ReturnType<typeof decisionApiEnv>;
  let trust: ReturnType<typeof trustedProxies>;
  try {
    env = decisionApiEnv();
    refuseHopCount(env.SEKUIRE_TRUST_PROXY, "the decision API");
    trust = trustedProxies(env.SEKUIRE_TRUSTED_PROXIES);
  } catch (error) {
    console.error(`[decision-api] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const logger = createLogger(env.SEKUIRE_LOG_LEVEL);
  const metrics = createMetrics();
  const logPool = createDecisionLogPool();
  const log = new GroupCommitLog(logPool, {
    onBatch: (size, seconds) => {
      metrics.auditBatch.observe(size);
      metrics.auditCommit.observe(seconds);
    },
  });
  const redis = connectRedis(env.REDIS_URL, { name: "sekuire-decision-api" });
  const jobs = createJobProducer(env.REDIS_URL, {
    name: "sekuire-decision-api-jobs",
    ...(env.SEKUIRE_QUEUE_PREFIX ? { prefix: env.SEKUIRE_QUEUE_PREFIX } : {}),
  });
  const app = createApp({
    jobs,
    db: platformDb,
    redis,
    log,
    metrics,
    logger,
    settings: {
      maxBodyBytes: env.SEKUIRE_MAX_BODY_BYTES,
      storeTimeoutMs: env.SEKUIRE_STORE_TIMEOUT_MS,
      stampCheckMs: env.SEKUIRE_STAMP_CHECK_MS,
      keyRatePerSecond: env.SEKUIRE_KEY_RATE_PER_SECOND,
      ...(env.SEKUIRE_METRICS_TOKEN ? { metricsToken: env.SEKUIRE_METRICS_TOKEN } : {}),
      trust,
    },
  });
  // Changes announced by whoever made them (console, API, scripts) reach this process at once;
  // after a reconnect every organization's stamp is re-read, as messages may have been missed.
  const changes = subscribeDecisionChanges(env.REDIS_URL, {
    onChange: (organizationId) => app.stamps.nudge(organizationId),
    onResync: () => app.stamps.nudgeAll(),
    onApprovalDecided: (approvalId) => app.approvals.notify(approvalId),
  });
  changes.ready.catch((error: unknown) =>
    logger.warn({ err: error }, "not subscribed to decision changes yet: stamps are checked"),
  );
  const server = createDecisionServer(app);
  server.listen({ port: env.PORT, ...(env.HOST ? { host: env.HOST } : {}) }, () => {
    const { port, address } = server.address() as AddressInfo;
    logger.info({ port, address }, `decision API listening on port ${port}`);
  });
  server.on("error", (error) => {
    logger.fatal({ err: error }, "the server could not listen");
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing in-flight requests");
    // Keep-alive clients are told to go elsewhere with the answer they are waiting for.
    server.on("request", (_req, res) => res.setHeader("connection", "close"));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    app.approvals.close(); // long-polls answer now with the state they have
    // A keep-alive connection turns idle once its answer is out: close each as soon as it does.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), env.SEKUIRE_SHUTDOWN_GRACE_MS);
    await closed;
    clearInterval(idle);
    clearTimeout(grace);
    await log.flush();
    app.flood.stop();
    await changes.close();
    await jobs.close();
    redis.disconnect();
    await Promise.all([disconnectDb(), logPool.end()]);
    logger.info("stopped: every decision record is committed");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

start();
