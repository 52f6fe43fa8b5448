import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { type ApiKeyView, apiKeySelect, toApiKeyView } from "./api-key-view.js";
import { auditKey } from "./create-api-key.js";
import { findApiKey } from "./find-api-key.js";

export const revokeApiKeyInput = z.object({
  organizationId: organizationIdSchema,
  keyId: idOf("key"),
});
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;

/**
 * Revokes a key now. The decision API looks keys up on every call, so it stops working on every
 * server at once. Revoking a revoked key changes nothing and records nothing.
 */
export async function revokeApiKey(
  db: Db,
  principal: Principal,
  input: RevokeApiKeyInput,
  now: Date = new Date(),
): Promise<ApiKeyView> {
  const { organizationId, keyId } = parseInput(revokeApiKeyInput, input);
  return decisionTransaction(db, organizationId, async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const { rotatedTo: _, ...key } = await findApiKey(tx, organizationId, keyId);
    if (key.revokedAt) return toApiKeyView(key, now);
    const row = await tx.apiKey.update({
      where: { id: keyId, organizationId },
      data: { revokedAt: now },
      select: apiKeySelect,
    });
    await auditKey(tx, access, "api_key.revoked", row, {});
    return toApiKeyView(row, now);
  });
}
