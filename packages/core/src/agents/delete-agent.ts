import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findAgent } from "./find-agent.js";

export const deleteAgentInput = z.object({
  organizationId: organizationIdSchema,
  agentId: idOf("agt"),
});
export type DeleteAgentInput = z.input<typeof deleteAgentInput>;

/** Deletes the agent and its keys (cascade); the decision log keeps its history. */
export async function deleteAgent(
  db: Db,
  principal: Principal,
  input: DeleteAgentInput,
): Promise<void> {
  const { organizationId, agentId } = parseInput(deleteAgentInput, input);
  await decisionTransaction(db, organizationId, async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const agent = await findAgent(tx, organizationId, agentId);
    await tx.agent.delete({ where: { id: agentId, organizationId } });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "agent.deleted",
      targetType: "agent",
      targetId: agentId,
      details: { name: agent.name, workspaceId: agent.workspaceId },
    });
  });
}
