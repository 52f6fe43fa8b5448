import { type ListAgentsInput, listAgents } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** The organization's agents, optionally of one workspace. */
export const listProcedure = authedProcedure
  .input(coreInput<ListAgentsInput>())
  .query(({ ctx, input }) => json(listAgents(ctx.db, ctx.principal, input)));
