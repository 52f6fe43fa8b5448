import { createAgent, createAgentInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { agentOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Creates an agent in a workspace. */
export const createProcedure = authedProcedure
  .input(createAgentInput)
  .output(agentOutput)
  .mutation(({ ctx, input }) => json(createAgent(ctx.db, ctx.principal, input)));
