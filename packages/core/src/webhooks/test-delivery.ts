/**
 * The console's "send a test delivery": a `webhook.test` event to a URL the admin gives, signed
 * with the workspace's secret, sent at once through the same checks as every delivery (the
 * outbound policy refuses private targets here too: the button is no way into the network).
 */
import { type Db, newId } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { AppError, notFound } from "../errors/index.js";
import { parseInput } from "../shared/index.js";
import { webhookConfigFromEnv } from "./config.js";
import { type DeliveryOutcome, sendDelivery, type WebhookSender } from "./deliveries.js";
import { testEventPayload } from "./payload.js";
import { noKeyError, workspaceRefInput } from "./workspace-secret.js";

export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, message: "Must be an http(s) URL." })
  .max(2000);

export const testDeliveryInput = workspaceRefInput.extend({ url: webhookUrlSchema });

export async function sendTestDelivery(
  db: Db,
  principal: Principal,
  raw: unknown,
  sender: WebhookSender = webhookConfigFromEnv(),
  now: () => Date = () => new Date(),
): Promise<{ deliveryId: string } & DeliveryOutcome> {
  const { organizationId, workspaceId, url } = parseInput(testDeliveryInput, raw);
  await authorize(db, principal, organizationId, "admin");
  const workspace = await db.workspace.findFirst({
    where: { organizationId, id: workspaceId },
    select: { name: true, webhookSecret: true, organization: { select: { name: true } } },
  });
  if (!workspace) throw notFound("The workspace");
  if (!sender.key) throw noKeyError();
  if (!workspace.webhookSecret)
    throw new AppError(
      "PRECONDITION_FAILED",
      "This workspace has no webhook secret yet: rotate one first, then test.",
    );
  const id = newId("whd");
  const payload = testEventPayload(
    id,
    {
      organizationId,
      organizationName: workspace.organization.name,
      workspaceId,
      workspaceName: workspace.name,
    },
    now(),
  );
  await db.webhookDelivery.create({
    data: {
      id,
      organizationId,
      workspaceId,
      event: "webhook.test",
      url,
      payload: payload as object,
    },
  });
  const outcome = await sendDelivery(db, { organizationId, deliveryId: id }, sender, now);
  return { deliveryId: id, ...outcome };
}
