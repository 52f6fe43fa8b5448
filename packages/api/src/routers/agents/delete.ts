import { deleteAgent, deleteAgentInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { nothing } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Deletes an agent and its keys. */
export const deleteProcedure = authedProcedure
  .input(deleteAgentInput)
  .output(nothing)
  .mutation(({ ctx, input }) => json(deleteAgent(ctx.db, ctx.principal, input)));
