/**
 * One notification step of one approval request, delivered: the plan's deliveries not yet sent
 * go out one by one, each outcome recorded as it happens, so a retry sends only what failed.
 * When all have gone out the request is marked (notifiedAt / escalatedAt) and the sweeper
 * leaves it be; when any failed, the caller (a job) is told to try again later.
 */

import type { Db } from "@sekuire/db";
import { approvalRequestEmail, type Mailer } from "@sekuire/email";
import { sendDelivery, type WebhookSender } from "../webhooks/deliveries.js";
import type { ApprovalRef } from "./lifecycle.js";
import {
  completeStep,
  type Delivery,
  type NotificationPlan,
  type NotifyStep,
  planNotifications,
  recordDelivery,
} from "./notifications.js";

export interface DeliveryOptions {
  mailer: Pick<Mailer, "send">;
  webhooks: WebhookSender;
  consoleUrl: string;
  now?: () => Date;
}

export interface DeliveryReport {
  /** false: the request is no longer pending, nothing was sent */
  pending: boolean;
  sent: number;
  failed: Array<{ recipient: string; error: string }>;
  /** every delivery of the step has gone out */
  done: boolean;
}

export function approvalUrl(consoleUrl: string, ref: ApprovalRef): string {
  return `${consoleUrl.replace(/\/+$/, "")}/app/${ref.organizationId}/approvals/${ref.approvalId}`;
}

export async function deliverNotifications(
  db: Db,
  ref: ApprovalRef,
  step: NotifyStep,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const url = approvalUrl(options.consoleUrl, ref);
  const plan = await planNotifications(db, ref, step, { approvalUrl: url, now: now() });
  if (!plan) return { pending: false, sent: 0, failed: [], done: true };
  const failed: DeliveryReport["failed"] = [];
  let sent = 0;
  for (const delivery of plan.deliveries) {
    const error = await deliverOne(db, ref, delivery, plan, { ...options, now }, url);
    if (error === null) sent += 1;
    else failed.push({ recipient: delivery.recipient, error });
  }
  const done = failed.length === 0 && (await completeStep(db, ref, step, now()));
  return { pending: true, sent, failed, done };
}

/** One delivery, sent and recorded: null when it went out, else the error. */
async function deliverOne(
  db: Db,
  ref: ApprovalRef,
  delivery: Delivery,
  plan: NotificationPlan,
  options: DeliveryOptions & { now: () => Date },
  url: string,
): Promise<string | null> {
  if (delivery.channel === "webhook") {
    const outcome = await sendDelivery(
      db,
      { organizationId: ref.organizationId, deliveryId: delivery.id },
      options.webhooks,
      options.now,
    );
    return outcome.sent ? null : outcome.error;
  }
  const { subject } = plan;
  try {
    const content = approvalRequestEmail({
      kind: delivery.kind,
      url,
      organizationName: subject.organizationName,
      workspaceName: subject.workspaceName,
      agentName: subject.agentName,
      action: subject.action,
      resource: subject.resource,
      context: subject.context,
      reason: subject.reason,
      approverRole: subject.approverRole,
      expiresAt: subject.expiresAt,
      now: options.now(),
    });
    await options.mailer.send({ to: delivery.recipient, ...content });
    await recordDelivery(db, ref, delivery.id, { sent: true }, options.now());
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordDelivery(db, ref, delivery.id, { error: message }, options.now());
    return message;
  }
}
