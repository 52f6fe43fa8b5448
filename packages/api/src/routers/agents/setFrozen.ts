import { type SetAgentFrozenInput, setAgentFrozen } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Freezes an agent (every decision denied) or thaws it. */
export const setFrozenProcedure = authedProcedure
  .input(coreInput<SetAgentFrozenInput>())
  .mutation(({ ctx, input }) => json(setAgentFrozen(ctx.db, ctx.principal, input)));
