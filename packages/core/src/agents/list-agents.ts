import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { type AgentView, agentSelect } from "./agent-view.js";
import { findAgent } from "./find-agent.js";

export const listAgentsInput = z.object({
  organizationId: organizationIdSchema,
  /** Only this workspace's agents; every workspace's when left out. */
  workspaceId: idOf("ws").optional(),
});
export type ListAgentsInput = z.input<typeof listAgentsInput>;

export async function listAgents(
  db: Db,
  principal: Principal,
  input: ListAgentsInput,
): Promise<AgentView[]> {
  const { organizationId, workspaceId } = parseInput(listAgentsInput, input);
  await authorize(db, principal, organizationId, "viewer");
  return db.agent.findMany({
    where: { organizationId, ...(workspaceId ? { workspaceId } : {}) },
    select: agentSelect,
    orderBy: { name: "asc" },
  });
}

export const getAgentInput = z.object({
  organizationId: organizationIdSchema,
  agentId: idOf("agt"),
});
export type GetAgentInput = z.input<typeof getAgentInput>;

export async function getAgent(
  db: Db,
  principal: Principal,
  input: GetAgentInput,
): Promise<AgentView> {
  const { organizationId, agentId } = parseInput(getAgentInput, input);
  await authorize(db, principal, organizationId, "viewer");
  return findAgent(db, organizationId, agentId);
}
