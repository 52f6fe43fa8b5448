import { createPolicy, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { draftOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Creates a policy from a seed template, a document, or blank; the engine's warnings come back as findings. */
export const createProcedure = authedProcedure
  .input(policyInputs.createPolicyInput)
  .output(draftOutput)
  .mutation(({ ctx, input }) => json(createPolicy(ctx.db, ctx.principal, input)));
