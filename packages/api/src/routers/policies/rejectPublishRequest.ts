import { policyInputs, rejectPublishRequest } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { rejectedPublishOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Rejects a publish request (or withdraws one's own). */
export const rejectPublishRequestProcedure = authedProcedure
  .input(policyInputs.decidePublishInput)
  .output(rejectedPublishOutput)
  .mutation(({ ctx, input }) => json(rejectPublishRequest(ctx.db, ctx.principal, input)));
