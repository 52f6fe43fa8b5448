/**
 * The queues and their jobs, typed once for producers (decision API, console) and the worker.
 * Postgres is the source of truth for everything a job does: a job only makes it prompt, and
 * the worker's sweeper re-creates any job Redis lost, so every job is safe to run twice.
 */
import { z } from "zod";

export const QUEUES = {
  /** per approval request: its expiry at the deadline */
  approvals: "sekuire-approvals",
  /** mail and webhooks about approval requests (now, halfway, resolved), retried with backoff */
  notifications: "sekuire-notifications",
  /** the sweeper and audit retention (job schedulers) */
  maintenance: "sekuire-maintenance",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * The Redis key prefix of every queue (SEKUIRE_QUEUE_PREFIX): deployments, or test runs, that
 * share one Redis keep their jobs apart by it. Producers and workers must agree.
 */
export function queuePrefix(prefix?: string): string {
  return prefix?.trim() || "sekuire";
}

const approvalRef = z.object({
  organizationId: z.string().min(1),
  approvalId: z.string().min(1),
});

/**
 * `requested` when a request opens; `halfway`: the approvers reminded, the owners told;
 * `resolved` once it is decided or expired (webhooks only).
 */
export const notifyStepSchema = z.enum(["requested", "halfway", "resolved"]);
export type NotifyStep = z.infer<typeof notifyStepSchema>;

/** Each job's name and payload, by queue. */
export const JOBS = {
  [QUEUES.approvals]: {
    "approval.expire": approvalRef,
  },
  [QUEUES.notifications]: {
    "approval.notify": approvalRef.extend({ step: notifyStepSchema }),
  },
  [QUEUES.maintenance]: {
    "approvals.sweep": z.object({}),
    "audit.retention": z.object({}),
  },
} as const;

type Jobs = typeof JOBS;
export type JobName<Q extends QueueName> = keyof Jobs[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = z.infer<
  Jobs[Q][N] extends z.ZodType ? Jobs[Q][N] : never
>;

/** A job's payload checked against its schema: a job from another version fails loudly. */
export function parseJob<Q extends QueueName, N extends JobName<Q>>(
  queue: Q,
  name: string,
  data: unknown,
): { name: N; data: JobData<Q, N> } {
  const schemas = JOBS[queue] as Record<string, z.ZodType>;
  const schema = schemas[name];
  if (!schema) throw new Error(`${queue} has no job named ${JSON.stringify(name)}`);
  return { name: name as N, data: schema.parse(data) as JobData<Q, N> };
}

/** Job ids that make adding the same job twice a no-op (BullMQ keeps one job an id). */
export const jobIds = {
  expire: (approvalId: string) => `expire-${approvalId}`,
  notify: (approvalId: string, step: NotifyStep) => `notify-${step}-${approvalId}`,
};

/** Retries: 8 tries over about 8 minutes (2 s, 4 s, … 256 s), then the job stays failed, visible. */
export const RETRY = { attempts: 8, backoff: { type: "exponential", delay: 2000 } } as const;
