import { type CreateAgentInput, createAgent } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Creates an agent in a workspace. */
export const createProcedure = authedProcedure
  .input(coreInput<CreateAgentInput>())
  .mutation(({ ctx, input }) => json(createAgent(ctx.db, ctx.principal, input)));
