import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { AppError } from "../errors/index.js";
import { dateSchema, idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { apiKeyStatus } from "./api-key-status.js";
import { type ApiKeyView, apiKeySelect, toApiKeyView } from "./api-key-view.js";
import { assertFuture, auditKey, type CreatedApiKey, insertApiKey } from "./create-api-key.js";
import { findApiKey } from "./find-api-key.js";

const MAX_GRACE_SECONDS = 30 * 24 * 60 * 60;

export const rotateApiKeyInput = z.object({
  organizationId: organizationIdSchema,
  keyId: idOf("key"),
  /** How long the old secret keeps working, so agents can be redeployed; 0 ends it now. */
  gracePeriodSeconds: z.number().int().min(0).max(MAX_GRACE_SECONDS),
  /** The new key's expiry; the old key's expiry when left out (rotating never extends a key). */
  expiresAt: dateSchema.nullable().optional(),
});
export type RotateApiKeyInput = z.input<typeof rotateApiKeyInput>;

export interface RotatedApiKey extends CreatedApiKey {
  previous: ApiKeyView;
}

/**
 * Rotation: a new secret for the same agent, while the old one keeps working until the grace
 * period the admin picked is over. A key can be rotated once; rotate the new key next time.
 */
export async function rotateApiKey(
  db: Db,
  principal: Principal,
  input: RotateApiKeyInput,
  now: Date = new Date(),
): Promise<RotatedApiKey> {
  const parsed = parseInput(rotateApiKeyInput, input);
  const { organizationId, keyId, gracePeriodSeconds } = parsed;
  assertFuture(parsed.expiresAt ?? undefined, now);
  return decisionTransaction(db, organizationId, async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const old = await findApiKey(tx, organizationId, keyId);
    if (old.rotatedTo) {
      throw new AppError("CONFLICT", "This key was already rotated: rotate its successor.");
    }
    const status = apiKeyStatus(old, now);
    if (status !== "active") {
      throw new AppError("PRECONDITION_FAILED", `A ${status} key cannot be rotated.`);
    }
    const created = await insertApiKey(tx, {
      organizationId,
      workspaceId: old.workspaceId,
      agentId: old.agentId,
      name: old.name,
      expiresAt: parsed.expiresAt === undefined ? old.expiresAt : parsed.expiresAt,
      createdById: principal.kind === "user" ? principal.userId : null,
      rotatedFromId: old.id,
    });
    const graceUntil = new Date(now.getTime() + gracePeriodSeconds * 1000);
    const previous = await tx.apiKey.update({
      where: { id: keyId, organizationId },
      data: { graceUntil },
      select: apiKeySelect,
    });
    await auditKey(tx, access, "api_key.rotated", previous, {
      newKeyId: created.row.id,
      graceUntil: graceUntil.toISOString(),
    });
    return {
      key: toApiKeyView(created.row, now),
      secret: created.secret,
      previous: toApiKeyView(previous, now),
    };
  });
}
