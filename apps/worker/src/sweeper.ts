/**
 * The sweeper: Postgres says what must happen, the queues are made to agree. Overdue requests
 * are expired here and now; every open request gets its expiry and halfway jobs back if Redis
 * lost them (a flush, a restart of a Redis that keeps nothing on disk); notifications that
 * never went out are queued again, and so are webhooks not yet told how a request ended. Adding a job whose id exists is a no-op, so sweeping twice,
 * or on many workers at once, does no harm.
 */
import { expireApproval, sweepApprovals } from "@sekuire/core/approvals";
import type { Db } from "@sekuire/core/runtime";
import { approvalJobs, notifyJob } from "@sekuire/jobs";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";

export interface SweepQueues {
  approvals: Queue;
  notifications: Queue;
  /** the queues' Redis, which also keeps the sweeper's cursor, under the queues' prefix */
  redis: Pick<Redis, "get" | "set" | "del">;
  prefix: string;
}

export interface SweepReport {
  expired: number;
  requeued: number;
}

/** A job that failed for good is tried again after this long (SMTP back, say). */
const RETRY_FAILED_AFTER_MS = 5 * 60_000;

/** Where the look at open requests goes on (any worker's sweep continues the last one's). */
const cursorKey = (queues: SweepQueues) => `${queues.prefix}:sweeper:open-cursor`;

export async function sweep(
  db: Db,
  queues: SweepQueues,
  options: { graceMs: number; batch?: number; now?: Date },
): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const { redis } = queues;
  const found = await sweepApprovals(db, now, {
    graceMs: options.graceMs,
    ...(options.batch ? { limit: options.batch } : {}),
    openCursor: await redis.get(cursorKey(queues)),
  });
  let expired = 0;
  for (const ref of found.overdue)
    if ((await expireApproval(db, ref, now)) === "expired") expired += 1;
  let requeued = 0;
  for (const open of found.open) {
    const jobs = approvalJobs(open, now);
    if (await ensure(queues.approvals, jobs.expire, now)) requeued += 1;
    if (!open.escalated && (await ensure(queues.notifications, jobs.halfway, now))) requeued += 1;
  }
  for (const ref of found.unnotified)
    if (await ensure(queues.notifications, notifyJob(ref, "requested"), now)) requeued += 1;
  for (const ref of found.unresolved)
    if (await ensure(queues.notifications, notifyJob(ref, "resolved"), now)) requeued += 1;
  // Lost with a flush, the cursor only means the next sweep starts from the first again.
  if (found.openCursor) await redis.set(cursorKey(queues), found.openCursor, "EX", 3600);
  else await redis.del(cursorKey(queues));
  return { expired, requeued };
}

/**
 * The job is in the queue afterwards: added when missing (true), retried when it failed for good
 * a while ago (true), left alone when waiting, delayed or running (false).
 */
async function ensure(
  queue: Queue,
  job: { name: string; data: object; opts: { jobId: string } & Record<string, unknown> },
  now: Date = new Date(),
): Promise<boolean> {
  const existing = await queue.getJob(job.opts.jobId);
  if (!existing) {
    await queue.add(job.name, job.data, job.opts);
    return true;
  }
  const state = await existing.getState();
  if (state === "failed" && now.getTime() - (existing.finishedOn ?? 0) > RETRY_FAILED_AFTER_MS) {
    await existing.retry("failed");
    return true;
  }
  return false;
}
