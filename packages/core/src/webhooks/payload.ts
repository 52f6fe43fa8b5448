/**
 * Building a webhook body (`sekuire.webhook/v1`, @sekuire/contracts documents it) from an
 * approval request as recorded. The body is built once, when the delivery row is written, and
 * kept: every retry sends the same event under the same delivery id.
 */
import {
  WEBHOOK_SCHEMA,
  type WebhookEvent,
  type WebhookPayload,
  webhookPayloadSchema,
} from "@sekuire/contracts";
import type { NotificationSubject } from "../approvals/notifications.js";

/** What an approval event tells: the request as recorded, with its names and its end. */
export type ApprovalEventSubject = Omit<NotificationSubject, "matched">;

export function approvalEventPayload(
  deliveryId: string,
  event: Exclude<WebhookEvent, "webhook.test">,
  subject: ApprovalEventSubject,
  url: string,
  now: Date,
): WebhookPayload {
  return webhookPayloadSchema.parse({
    schema: WEBHOOK_SCHEMA,
    id: deliveryId,
    event,
    createdAt: now.toISOString(),
    organization: { id: subject.organizationId, name: subject.organizationName },
    workspace: { id: subject.workspaceId, name: subject.workspaceName },
    approval: {
      id: subject.id,
      agent: { id: subject.agentId, name: subject.agentName },
      action: subject.action,
      resource: subject.resource,
      context: subject.context ?? null,
      reason: subject.reason,
      approverRole: subject.approverRole,
      createdAt: subject.createdAt.toISOString(),
      expiresAt: subject.expiresAt.toISOString(),
      url,
      ...(subject.resolution
        ? {
            resolution: {
              ...subject.resolution,
              decidedAt: subject.resolution.decidedAt?.toISOString() ?? null,
            },
          }
        : {}),
    },
  });
}

export function testEventPayload(
  deliveryId: string,
  scope: {
    organizationId: string;
    organizationName: string;
    workspaceId: string;
    workspaceName: string;
  },
  now: Date,
): WebhookPayload {
  return {
    schema: WEBHOOK_SCHEMA,
    id: deliveryId,
    event: "webhook.test",
    createdAt: now.toISOString(),
    organization: { id: scope.organizationId, name: scope.organizationName },
    workspace: { id: scope.workspaceId, name: scope.workspaceName },
  };
}
