/**
 * What each job does: a thin step over core's services (Postgres is the truth; a job that ran
 * before, or whose request was decided meanwhile, changes nothing). A thrown error makes BullMQ
 * retry with backoff; after the last try the job stays failed and visible.
 */
import { deliverNotifications, expireApproval, unresolvedWebhook } from "@sekuire/core/approvals";
import { enforceRetention } from "@sekuire/core/decisions";
import type { Mailer } from "@sekuire/core/mail";
import type { Db } from "@sekuire/core/runtime";
import type { WebhookSender } from "@sekuire/core/webhooks";
import { notifyJob, parseJob, QUEUES } from "@sekuire/jobs";
import type { Job } from "bullmq";
import type { Logger } from "./logger.js";
import { type SweepQueues, sweep } from "./sweeper.js";

export interface WorkerDeps {
  db: Db;
  mailer: Pick<Mailer, "send">;
  /** signing key and outbound policy (webhookConfigFromEnv) */
  webhooks: WebhookSender;
  consoleUrl: string;
  logger: Logger;
  sweepQueues: SweepQueues;
  notifyGraceMs: number;
  /** at most this many requests of each kind a sweep (SEKUIRE_SWEEP_BATCH) */
  sweepBatch: number;
  /** retention's checkpoint key; null: retention is off (and says so) */
  checkpointKey: string | null;
  approvalRetentionDays: number;
  now?: () => Date;
}

export function approvalsProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const { data } = parseJob(QUEUES.approvals, job.name, job.data);
    const result = await expireApproval(deps.db, data, deps.now?.() ?? new Date());
    // Early by this clock (another machine's is ahead): try again shortly.
    if (result === "not_due") throw new Error("the request's time is not up yet by this clock");
    deps.logger.info({ jobId: job.id, ...data, result }, "approval expiry");
    if (result === "expired") await tellResolved(deps, data.approvalId);
    return result;
  };
}

/**
 * A request was decided or expired: its webhooks hear how it ended (approval.decided /
 * approval.expired) when it has any and they have not. Every worker hears a decision's
 * announcement; the job id makes their adds one job, and a repeat finds the delivery sent.
 */
export async function tellResolved(deps: WorkerDeps, approvalId: string): Promise<void> {
  const ref = await unresolvedWebhook(deps.db, approvalId);
  deps.logger.debug({ approvalId, owed: ref !== null }, "approval resolved");
  if (!ref) return;
  const job = notifyJob(ref, "resolved");
  await deps.sweepQueues.notifications.add(job.name, job.data, job.opts);
}

export function notificationsProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const { data } = parseJob(QUEUES.notifications, job.name, job.data);
    const report = await deliverNotifications(deps.db, data, data.step, {
      mailer: deps.mailer,
      webhooks: deps.webhooks,
      consoleUrl: deps.consoleUrl,
      ...(deps.now ? { now: deps.now } : {}),
    });
    deps.logger.info({ jobId: job.id, ...data, ...report }, "approval notifications");
    if (report.failed.length > 0)
      throw new Error(
        `${report.failed.length} notification(s) not sent: ${report.failed
          .map((f) => `${f.recipient}: ${f.error}`)
          .join("; ")}`,
      );
    return { sent: report.sent };
  };
}

export function maintenanceProcessor(deps: WorkerDeps) {
  return async (job: Job) => {
    const { name } = parseJob(QUEUES.maintenance, job.name, job.data);
    if (name === "approvals.sweep") {
      const report = await sweep(deps.db, deps.sweepQueues, {
        graceMs: deps.notifyGraceMs,
        batch: deps.sweepBatch,
        now: deps.now?.() ?? new Date(),
      });
      if (report.expired + report.requeued > 0) deps.logger.info(report, "sweep");
      return report;
    }
    if (!deps.checkpointKey) {
      deps.logger.warn("audit retention skipped: SEKUIRE_CHECKPOINT_KEY is not set");
      return { skipped: "no checkpoint key" };
    }
    const report = await enforceRetention(deps.db, {
      key: deps.checkpointKey,
      approvalRetentionDays: deps.approvalRetentionDays,
      now: deps.now?.() ?? new Date(),
    });
    deps.logger.info(report, "audit retention");
    return report;
  };
}
