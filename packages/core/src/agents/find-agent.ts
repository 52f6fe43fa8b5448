import type { DbTransaction } from "@sekuire/db";
import { notFound } from "../errors/index.js";
import { type AgentView, agentSelect } from "./agent-view.js";

/** The agent if it belongs to this organization; NOT_FOUND for a missing or foreign id. */
export async function findAgent(
  tx: Pick<DbTransaction, "agent">,
  organizationId: string,
  agentId: string,
): Promise<AgentView> {
  const agent = await tx.agent.findFirst({
    where: { organizationId, id: agentId },
    select: agentSelect,
  });
  if (!agent) throw notFound("The agent");
  return agent;
}
