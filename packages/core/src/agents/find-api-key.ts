import type { DbTransaction } from "@sekuire/db";
import { notFound } from "../errors/index.js";
import { apiKeySelect } from "./api-key-view.js";

/** The key if it belongs to this organization; NOT_FOUND for a missing or foreign id. */
export async function findApiKey(tx: DbTransaction, organizationId: string, keyId: string) {
  const key = await tx.apiKey.findFirst({
    where: { organizationId, id: keyId },
    select: { ...apiKeySelect, rotatedTo: { select: { id: true } } },
  });
  if (!key) throw notFound("The API key");
  return key;
}
