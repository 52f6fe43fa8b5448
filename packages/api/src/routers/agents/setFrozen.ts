import { setAgentFrozen, setAgentFrozenInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { agentOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Freezes an agent (every decision denied) or thaws it. */
export const setFrozenProcedure = authedProcedure
  .input(setAgentFrozenInput)
  .output(agentOutput)
  .mutation(({ ctx, input }) => json(setAgentFrozen(ctx.db, ctx.principal, input)));
