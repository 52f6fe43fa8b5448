import { getAgent, getAgentInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { agentOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** One agent. */
export const getProcedure = authedProcedure
  .input(getAgentInput)
  .output(agentOutput)
  .query(({ ctx, input }) => json(getAgent(ctx.db, ctx.principal, input)));
