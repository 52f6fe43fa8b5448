import { type DeleteAgentInput, deleteAgent } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Deletes an agent and its keys. */
export const deleteProcedure = authedProcedure
  .input(coreInput<DeleteAgentInput>())
  .mutation(({ ctx, input }) => json(deleteAgent(ctx.db, ctx.principal, input)));
