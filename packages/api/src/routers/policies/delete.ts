import { deletePolicy, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { idOnly } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Deletes a policy that is not assigned anywhere. */
export const deleteProcedure = authedProcedure
  .input(policyInputs.policyRef)
  .output(idOnly)
  .mutation(({ ctx, input }) => json(deletePolicy(ctx.db, ctx.principal, input)));
