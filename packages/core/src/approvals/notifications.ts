/**
 * Who hears of an approval request, over which channel, and what has gone out. Each delivery is
 * a row (approval, kind, channel, recipient: unique), written before anything is sent, so a
 * retried job sends only what has not gone out, and the sweeper can tell a request nobody has
 * heard of yet. New requests go to every member whose role is at least the approver role; at
 * half the time unanswered, the owners are told (escalation) and the other approvers reminded.
 * Webhook channels get one event a step (`approval.requested`, then `approval.escalated`), as
 * WebhookDelivery rows whose body is built once, so retries repeat it exactly.
 */
import type { WebhookEvent } from "@sekuire/contracts";
import { type Db, type NotificationKind, newId } from "@sekuire/db";
import { roleAtLeast } from "../access/index.js";
import { approvalEventPayload } from "../webhooks/payload.js";
import { effectiveStatus } from "./approval-view.js";
import type { ApprovalRef } from "./lifecycle.js";

/**
 * `requested` when the request opens; `halfway` for the reminder and the owners' notice;
 * `resolved` once it is decided or expired (webhooks only: the approvers saw it happen).
 */
export type NotifyStep = "requested" | "halfway" | "resolved";

export type Channel = { type: "email" } | { type: "webhook"; url: string };

export type Delivery =
  | { id: string; channel: "email"; kind: NotificationKind; recipient: string; attempts: number }
  | { id: string; channel: "webhook"; event: string; recipient: string; attempts: number };

/** What a notification says: the request as recorded, with its names. */
export interface NotificationSubject {
  id: string;
  organizationId: string;
  organizationName: string;
  workspaceId: string;
  workspaceName: string;
  agentId: string;
  agentName: string;
  action: string;
  resource: string;
  context: unknown;
  reason: string | null;
  matched: unknown;
  approverRole: string;
  createdAt: Date;
  expiresAt: Date;
  /** once decided or expired */
  resolution?: {
    status: "approved" | "denied" | "expired";
    decidedAt: Date | null;
    decidedBy: { name: string | null; email: string } | null;
    comment: string | null;
  };
}

export interface NotificationPlan {
  subject: NotificationSubject;
  /** what is still to go out for this step */
  deliveries: Delivery[];
}

const KINDS: Record<NotifyStep, NotificationKind[]> = {
  requested: ["requested"],
  halfway: ["reminder", "escalation"],
  resolved: [],
};

type ApprovalEvent = Exclude<WebhookEvent, "webhook.test">;

const EVENTS: Record<NotifyStep, ApprovalEvent[]> = {
  requested: ["approval.requested"],
  halfway: ["approval.escalated"],
  resolved: ["approval.decided", "approval.expired"],
};

/** Whether the step is still worth telling: asking needs a request that can still be decided. */
function stepApplies(step: NotifyStep, row: RequestRow, now: Date): boolean {
  if (step === "resolved") return row.status !== "pending";
  return effectiveStatus(row, now) === "pending";
}

function eventOf(step: NotifyStep, row: RequestRow): ApprovalEvent {
  if (step !== "resolved") return EVENTS[step][0] as ApprovalEvent;
  return row.status === "expired" ? "approval.expired" : "approval.decided";
}

function channelsOf(value: unknown): Channel[] {
  if (!Array.isArray(value)) return [{ type: "email" }];
  return value.filter(
    (c): c is Channel =>
      typeof c === "object" &&
      c !== null &&
      ((c as Channel).type === "email" ||
        ((c as Channel).type === "webhook" && typeof (c as { url?: unknown }).url === "string")),
  );
}

/**
 * The step's deliveries, created if new, and those not yet sent; null when the step no longer
 * applies: nobody is asked about a request that cannot be decided, and nothing is said to be
 * resolved that is still pending.
 */
export async function planNotifications(
  db: Db,
  ref: ApprovalRef,
  step: NotifyStep,
  options: { approvalUrl: string; now?: Date },
): Promise<NotificationPlan | null> {
  const now = options.now ?? new Date();
  const { organizationId, approvalId } = ref;
  const row = await readRequest(db, ref);
  if (!row || !stepApplies(step, row, now)) return null;
  const channels = channelsOf(row.channels);
  const mails = KINDS[step].length > 0 && channels.some((c) => c.type === "email");
  // Only a step that mails needs the members (a resolution goes to webhooks alone).
  const members = mails
    ? await db.membership.findMany({
        where: { organizationId },
        select: { role: true, user: { select: { email: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const approvers = members.filter((m) => roleAtLeast(m.role, row.approverRole));
  const owners = members.filter((m) => m.role === "owner");
  // Halfway, each person gets one mail: owners the escalation, the other approvers a reminder.
  const recipients: Record<NotificationKind, typeof members> = {
    requested: approvers,
    reminder: approvers.filter((m) => m.role !== "owner"),
    escalation: owners,
  };
  const wanted: Array<{ kind: NotificationKind; channel: "email"; recipient: string }> = [];
  for (const kind of KINDS[step])
    if (mails)
      for (const m of recipients[kind])
        wanted.push({ kind, channel: "email", recipient: m.user.email });
  if (wanted.length > 0)
    await db.approvalNotification.createMany({
      data: wanted.map((w) => ({ organizationId, approvalId, ...w })),
      skipDuplicates: true,
    });
  const subject = subjectOf(row);
  const urls = [...new Set(channels.flatMap((c) => (c.type === "webhook" ? [c.url] : [])))];
  if (urls.length > 0)
    await db.webhookDelivery.createMany({
      data: urls.map((url) => {
        const id = newId("whd");
        const event = eventOf(step, row);
        const payload = approvalEventPayload(id, event, subject, options.approvalUrl, now);
        return {
          id,
          organizationId,
          workspaceId: row.workspaceId,
          approvalId,
          event,
          url,
          payload: payload as object,
        };
      }),
      skipDuplicates: true,
    });
  const [emails, hooks] = await Promise.all([
    db.approvalNotification.findMany({
      where: { organizationId, approvalId, kind: { in: KINDS[step] }, status: { not: "sent" } },
      select: { id: true, kind: true, recipient: true, attempts: true },
      orderBy: { createdAt: "asc" },
    }),
    db.webhookDelivery.findMany({
      where: { organizationId, approvalId, event: { in: EVENTS[step] }, status: { not: "sent" } },
      select: { id: true, event: true, url: true, attempts: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    subject,
    deliveries: [
      ...emails.map((d) => ({ ...d, channel: "email" as const })),
      ...hooks.map(({ url, ...d }) => ({ ...d, recipient: url, channel: "webhook" as const })),
    ],
  };
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof readRequest>>>;

function readRequest(db: Db, ref: ApprovalRef) {
  return db.approvalRequest.findFirst({
    where: { organizationId: ref.organizationId, id: ref.approvalId },
    include: {
      organization: { select: { name: true } },
      workspace: { select: { name: true } },
      agent: { select: { name: true } },
      decidedBy: { select: { name: true, email: true } },
    },
  });
}

function subjectOf(row: RequestRow): NotificationSubject {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    agentId: row.agentId,
    agentName: row.agent.name,
    action: row.action,
    resource: row.resource,
    context: row.context,
    reason: row.reason,
    matched: row.matched,
    approverRole: row.approverRole,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    ...(row.status === "pending" ? {} : { resolution: resolutionOf(row) }),
  };
}

function resolutionOf(row: RequestRow): NonNullable<NotificationSubject["resolution"]> {
  return {
    // A consumed request was approved (and then used once).
    status:
      row.status === "consumed" ? "approved" : (row.status as "approved" | "denied" | "expired"),
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
    comment: row.decisionNote,
  };
}

/** One delivery's outcome: sent (once), or failed with its error, counted. */
export async function recordDelivery(
  db: Db,
  ref: ApprovalRef,
  deliveryId: string,
  outcome: { sent: true } | { error: string },
  now: Date = new Date(),
): Promise<void> {
  await db.approvalNotification.updateMany({
    where: { organizationId: ref.organizationId, id: deliveryId, status: { not: "sent" } },
    data:
      "sent" in outcome
        ? { status: "sent", sentAt: now, attempts: { increment: 1 }, lastError: null }
        : { status: "failed", attempts: { increment: 1 }, lastError: outcome.error.slice(0, 1000) },
  });
}

/** When every delivery of the step has gone out: the request says so (the sweeper stops). */
export async function completeStep(
  db: Db,
  ref: ApprovalRef,
  step: NotifyStep,
  now: Date = new Date(),
): Promise<boolean> {
  const scope = { organizationId: ref.organizationId, approvalId: ref.approvalId };
  const [emails, hooks] = await Promise.all([
    db.approvalNotification.count({
      where: { ...scope, kind: { in: KINDS[step] }, status: { not: "sent" } },
    }),
    db.webhookDelivery.count({
      where: { ...scope, event: { in: EVENTS[step] }, status: { not: "sent" } },
    }),
  ]);
  if (emails + hooks > 0) return false;
  if (step === "resolved") return true; // the sweeper looks for the sent delivery instead
  await db.approvalRequest.updateMany({
    where: { organizationId: ref.organizationId, id: ref.approvalId },
    data: step === "requested" ? { notifiedAt: now } : { escalatedAt: now },
  });
  return true;
}
