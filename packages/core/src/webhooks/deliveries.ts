/**
 * Webhook deliveries: each one a row written before it is sent, then sent (signed with the
 * workspace's secret, to an address the outbound policy allows) and its outcome recorded: the
 * receiver's status, the error, attempts counted. A row already sent is never sent again.
 */
import type { Db } from "@sekuire/db";
import type { OutboundPolicy } from "@sekuire/net";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { notFound } from "../errors/index.js";
import { parseInput } from "../shared/index.js";
import { sendWebhook, WebhookRefused } from "./send.js";
import { workspaceRefInput, workspaceSigningSecret } from "./workspace-secret.js";

export interface WebhookSender {
  /** SEKUIRE_WEBHOOK_KEY (webhookConfigFromEnv) */
  key: string | null;
  outbound: OutboundPolicy;
  timeoutMs?: number;
}

export type DeliveryOutcome =
  | { sent: true; status: number }
  | { sent: false; error: string; status?: number };

/** Sends one delivery row that has not gone out, and records what happened. */
export async function sendDelivery(
  db: Db,
  ref: { organizationId: string; deliveryId: string },
  sender: WebhookSender,
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome> {
  const row = await db.webhookDelivery.findFirst({
    where: { organizationId: ref.organizationId, id: ref.deliveryId },
  });
  if (!row) return { sent: false, error: "the delivery no longer exists" };
  if (row.status === "sent") return { sent: true, status: row.responseStatus ?? 200 };
  let outcome: DeliveryOutcome;
  try {
    const secret = await workspaceSigningSecret(db, row, sender.key);
    if (!secret)
      throw new WebhookRefused(
        "the workspace has no webhook secret: an admin sets one in the console's webhook settings",
      );
    const { status } = await sendWebhook(row.url, JSON.stringify(row.payload), {
      secret,
      deliveryId: row.id,
      event: row.event,
      policy: sender.outbound,
      ...(sender.timeoutMs ? { timeoutMs: sender.timeoutMs } : {}),
      now: now(),
    });
    outcome = { sent: true, status };
  } catch (error) {
    outcome = {
      sent: false,
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof WebhookRefused && error.status ? { status: error.status } : {}),
    };
  }
  await recordOutcome(db, row.organizationId, row.id, outcome, now());
  return outcome;
}

async function recordOutcome(
  db: Db,
  organizationId: string,
  id: string,
  outcome: DeliveryOutcome,
  now: Date,
): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { organizationId, id, status: { not: "sent" } },
    data: {
      attempts: { increment: 1 },
      responseStatus: outcome.status ?? null,
      ...(outcome.sent
        ? { status: "sent", sentAt: now, lastError: null }
        : { status: "failed", lastError: outcome.error.slice(0, 1000) }),
    },
  });
}

export const listDeliveriesInput = workspaceRefInput.extend({
  limit: z.number().int().min(1).max(100).default(25),
});

export const deliverySelect = {
  id: true,
  approvalId: true,
  event: true,
  url: true,
  status: true,
  attempts: true,
  responseStatus: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The secret's status and recent deliveries, newest first (admins: URLs and errors show). */
export async function webhookSettings(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, workspaceId, limit } = parseInput(listDeliveriesInput, raw);
  await authorize(db, principal, organizationId, "admin");
  const workspace = await db.workspace.findFirst({
    where: { organizationId, id: workspaceId },
    select: { webhookSecretHint: true, webhookSecretAt: true },
  });
  if (!workspace) throw notFound("The workspace");
  const deliveries = await db.webhookDelivery.findMany({
    where: { organizationId, workspaceId },
    select: deliverySelect,
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return {
    secret: { hint: workspace.webhookSecretHint, rotatedAt: workspace.webhookSecretAt },
    deliveries,
  };
}
