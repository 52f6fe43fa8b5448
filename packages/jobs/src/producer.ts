/**
 * What producers enqueue. An approval request, once committed, gets its three jobs: the first
 * notifications now, the halfway ones (reminder, owners' notice) at half its time, the expiry at
 * its deadline. Ids make each add idempotent, so the sweeper may add them again after a flush.
 */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { producerConnection } from "./connection.js";
import { jobIds, type NotifyStep, QUEUES, queuePrefix, RETRY } from "./queues.js";

export interface OpenedApprovalJob {
  organizationId: string;
  approvalId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface JobProducer {
  approvalOpened(approval: OpenedApprovalJob, now?: Date): Promise<void>;
  close(): Promise<void>;
}

/** Jobs are removed once done (their ids free again) and kept a week when they fail for good. */
const KEEP = { removeOnComplete: true, removeOnFail: { age: 7 * 86_400 } } as const;

export interface ApprovalJobRef {
  organizationId: string;
  approvalId: string;
}

/** A notification step's job (`delay` in ms from now). */
export function notifyJob(ref: ApprovalJobRef, step: NotifyStep, delay = 0) {
  const { organizationId, approvalId } = ref;
  return {
    name: "approval.notify" as const,
    data: { organizationId, approvalId, step },
    opts: { ...KEEP, ...RETRY, jobId: jobIds.notify(approvalId, step), delay },
  };
}

/** A request's expiry job (`delay` in ms from now). */
export function expireJob(ref: ApprovalJobRef, delay = 0) {
  const { organizationId, approvalId } = ref;
  return {
    name: "approval.expire" as const,
    data: { organizationId, approvalId },
    opts: { ...KEEP, ...RETRY, jobId: jobIds.expire(approvalId), delay },
  };
}

/** The three jobs of a new request: notify now, notify halfway, expire at the deadline. */
export function approvalJobs(approval: OpenedApprovalJob, now: Date = new Date()) {
  const created = approval.createdAt.getTime();
  const halfway = created + (approval.expiresAt.getTime() - created) / 2;
  const after = (at: number) => Math.max(0, Math.ceil(at - now.getTime()));
  return {
    notify: notifyJob(approval, "requested"),
    halfway: notifyJob(approval, "halfway", after(halfway)),
    expire: expireJob(approval, after(approval.expiresAt.getTime())),
  };
}

export interface ProducerOptions {
  /** shown in CLIENT LIST */
  name: string;
  /** the queues' key prefix: SEKUIRE_QUEUE_PREFIX, the same for producers and workers */
  prefix?: string;
}

export function createJobProducer(url: string, options: ProducerOptions): JobProducer {
  const connection: Redis = producerConnection(url, options.name);
  const common = { connection, skipWaitingForReady: true, prefix: queuePrefix(options.prefix) };
  const approvals = new Queue(QUEUES.approvals, common);
  const notifications = new Queue(QUEUES.notifications, common);
  for (const queue of [approvals, notifications]) queue.on("error", () => undefined);
  return {
    async approvalOpened(approval, now = new Date()) {
      const jobs = approvalJobs(approval, now);
      await Promise.all([
        notifications.add(jobs.notify.name, jobs.notify.data, jobs.notify.opts),
        notifications.add(jobs.halfway.name, jobs.halfway.data, jobs.halfway.opts),
        approvals.add(jobs.expire.name, jobs.expire.data, jobs.expire.opts),
      ]);
    },
    async close() {
      await Promise.all([approvals.close(), notifications.close()]);
      connection.disconnect();
    },
  };
}
