import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError } from "../errors/index.js";
import {
  descriptionSchema,
  idOf,
  isUniqueViolation,
  nameSchema,
  organizationIdSchema,
  parseInput,
} from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import { type AgentView, agentSelect } from "./agent-view.js";

export const createAgentInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
  name: nameSchema,
  description: descriptionSchema.optional(),
});
export type CreateAgentInput = z.input<typeof createAgentInput>;

export async function createAgent(
  db: Db,
  principal: Principal,
  input: CreateAgentInput,
): Promise<AgentView> {
  const { organizationId, workspaceId, name, description } = parseInput(createAgentInput, input);
  try {
    return await db.$transaction(async (tx) => {
      const access = await authorizeInTx(tx, principal, organizationId, "admin");
      // Checked first so a foreign workspace is NOT_FOUND rather than a foreign-key error.
      await findWorkspace(tx, organizationId, workspaceId);
      const agent = await tx.agent.create({
        data: { organizationId, workspaceId, name, description: description ?? null },
        select: agentSelect,
      });
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "agent.created",
        targetType: "agent",
        targetId: agent.id,
        details: { name, workspaceId },
      });
      return agent;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", `An agent named "${name}" already exists in this workspace.`, [
      { pointer: "/name", message: "Already used by another agent in this workspace." },
    ]);
  }
}
