import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { type ApiKeyView, apiKeySelect, toApiKeyView } from "./api-key-view.js";
import { findAgent } from "./find-agent.js";

export const listApiKeysInput = z.object({
  organizationId: organizationIdSchema,
  agentId: idOf("agt"),
});
export type ListApiKeysInput = z.input<typeof listApiKeysInput>;

/** An agent's keys, newest first, including revoked and expired ones (history for the admin). */
export async function listApiKeys(
  db: Db,
  principal: Principal,
  input: ListApiKeysInput,
  now: Date = new Date(),
): Promise<ApiKeyView[]> {
  const { organizationId, agentId } = parseInput(listApiKeysInput, input);
  await authorize(db, principal, organizationId, "viewer");
  await findAgent(db, organizationId, agentId);
  const rows = await db.apiKey.findMany({
    where: { organizationId, agentId },
    select: apiKeySelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => toApiKeyView(row, now));
}
