/**
 * One notification step of one approval request, delivered: the plan's deliveries not yet sent
 * go out one by one, each outcome recorded as it happens, so a retry sends only what failed.
 * When all have gone out the request is marked (notifiedAt / escalatedAt) and the sweeper
 * leaves it be; when any failed, the caller (a job) is told to try again later.
 */

import type { Db } from "@sekuire/db";
import { approvalRequestEmail, type Mailer } from "@sekuire/email";
import type { ApprovalRef } from "./lifecycle.js";
import {
  completeStep,
  type NotifyStep,
  planNotifications,
  recordDelivery,
} from "./notifications.js";

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
  options: { mailer: Pick<Mailer, "send">; consoleUrl: string; now?: () => Date },
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const plan = await planNotifications(db, ref, step, now());
  if (!plan) return { pending: false, sent: 0, failed: [], done: true };
  const { subject } = plan;
  const failed: DeliveryReport["failed"] = [];
  let sent = 0;
  for (const delivery of plan.deliveries) {
    try {
      const content = approvalRequestEmail({
        kind: delivery.kind,
        url: approvalUrl(options.consoleUrl, ref),
        organizationName: subject.organizationName,
        workspaceName: subject.workspaceName,
        agentName: subject.agentName,
        action: subject.action,
        resource: subject.resource,
        context: subject.context,
        reason: subject.reason,
        approverRole: subject.approverRole,
        expiresAt: subject.expiresAt,
        now: now(),
      });
      await options.mailer.send({ to: delivery.recipient, ...content });
      await recordDelivery(db, ref, delivery.id, { sent: true }, now());
      sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failed.push({ recipient: delivery.recipient, error: message });
      await recordDelivery(db, ref, delivery.id, { error: message }, now());
    }
  }
  const done = failed.length === 0 && (await completeStep(db, ref, step, now()));
  return { pending: true, sent, failed, done };
}
