import { type GetAgentInput, getAgent } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** One agent. */
export const getProcedure = authedProcedure
  .input(coreInput<GetAgentInput>())
  .query(({ ctx, input }) => json(getAgent(ctx.db, ctx.principal, input)));
