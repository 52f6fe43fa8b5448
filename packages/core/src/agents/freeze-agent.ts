import type { Db } from "@sekuire/db";
import { z } from "zod";
import { freezeFields } from "../access/actor-name.js";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { decisionTransaction } from "../decisions/announce.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { type AgentView, agentSelect } from "./agent-view.js";
import { findAgent } from "./find-agent.js";

export const setAgentFrozenInput = z.object({
  organizationId: organizationIdSchema,
  agentId: idOf("agt"),
  frozen: z.boolean(),
});
export type SetAgentFrozenInput = z.input<typeof setAgentFrozenInput>;

/**
 * The kill switch: a frozen agent's keys still authenticate (so its attempts are logged) but
 * every decision is a Deny until it is unfrozen. Keys need not be rotated afterwards.
 */
export async function setAgentFrozen(
  db: Db,
  principal: Principal,
  input: SetAgentFrozenInput,
): Promise<AgentView> {
  const { organizationId, agentId, frozen } = parseInput(setAgentFrozenInput, input);
  return decisionTransaction(db, organizationId, async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const before = await findAgent(tx, organizationId, agentId);
    if (before.frozen === frozen) return before;
    const agent = await tx.agent.update({
      where: { id: agentId, organizationId },
      data: await freezeFields(tx, organizationId, access.actor, frozen),
      select: agentSelect,
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: frozen ? "agent.frozen" : "agent.unfrozen",
      targetType: "agent",
      targetId: agentId,
      details: { name: agent.name, workspaceId: agent.workspaceId },
    });
    return agent;
  });
}
