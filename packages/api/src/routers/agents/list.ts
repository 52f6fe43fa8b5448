import { listAgents, listAgentsInput } from "@sekuire/core/agents";
import { z } from "zod";
import { json } from "../../json.js";
import { agentOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The organization's agents, optionally of one workspace. */
export const listProcedure = authedProcedure
  .input(listAgentsInput)
  .output(z.array(agentOutput))
  .query(({ ctx, input }) => json(listAgents(ctx.db, ctx.principal, input)));
