import { approvePublishRequest, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { approvedPublishOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** A second admin approves a publish request, creating the version. */
export const approvePublishRequestProcedure = authedProcedure
  .input(policyInputs.decidePublishInput)
  .output(approvedPublishOutput)
  .mutation(({ ctx, input }) => json(approvePublishRequest(ctx.db, ctx.principal, input)));
