/**
 * A workspace's webhook signing secret: rotated by an admin in the console (the new secret is
 * shown once; the old stops signing at once, so receivers update before the next delivery),
 * stored sealed (secret-box), opened only to sign. Without SEKUIRE_WEBHOOK_KEY no secret can be
 * set, and the refusal says which variable is missing.
 */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError } from "../errors/index.js";
import { generateWebhookSecret } from "../secrets.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import { webhookConfigFromEnv } from "./config.js";
import { openSecret, sealSecret } from "./secret-box.js";

export const workspaceRefInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
});
export type WorkspaceRefInput = z.input<typeof workspaceRefInput>;

export interface WebhookSecretStatus {
  /** the last four characters of the current secret; null when none is set */
  hint: string | null;
  rotatedAt: Date | null;
}

export function noKeyError(): AppError {
  return new AppError(
    "PRECONDITION_FAILED",
    "Webhook secrets are off: the operator has not set SEKUIRE_WEBHOOK_KEY (32+ characters).",
  );
}

/** `key` defaults to SEKUIRE_WEBHOOK_KEY (webhookConfigFromEnv). */
export async function rotateWebhookSecret(
  db: Db,
  principal: Principal,
  raw: WorkspaceRefInput,
  key: string | null = webhookConfigFromEnv().key,
  now: Date = new Date(),
): Promise<{ secret: string; hint: string; rotatedAt: Date }> {
  const { organizationId, workspaceId } = parseInput(workspaceRefInput, raw);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    await findWorkspace(tx, organizationId, workspaceId);
    if (!key) throw noKeyError();
    const secret = generateWebhookSecret();
    const hint = secret.slice(-4);
    await tx.workspace.update({
      where: { id: workspaceId, organizationId },
      data: {
        webhookSecret: sealSecret(key, workspaceId, secret),
        webhookSecretHint: hint,
        webhookSecretAt: now,
      },
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "workspace.webhook_secret_rotated",
      targetType: "workspace",
      targetId: workspaceId,
      details: { hint },
    });
    return { secret, hint, rotatedAt: now };
  });
}

/** The secret to sign with; null when none is set. A box that does not open is an error. */
export async function workspaceSigningSecret(
  db: Db,
  ref: { organizationId: string; workspaceId: string },
  key: string | null,
): Promise<string | null> {
  const row = await db.workspace.findFirst({
    where: { organizationId: ref.organizationId, id: ref.workspaceId },
    select: { webhookSecret: true },
  });
  if (!row?.webhookSecret) return null;
  if (!key) throw noKeyError();
  const secret = openSecret(key, ref.workspaceId, row.webhookSecret);
  if (secret === null)
    throw new Error(
      "the workspace's webhook secret does not open under SEKUIRE_WEBHOOK_KEY (was the key changed?): rotate the secret",
    );
  return secret;
}
