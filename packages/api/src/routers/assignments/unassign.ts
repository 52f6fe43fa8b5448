import { policyInputs, unassignPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { idOnly } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Removes a policy from a workspace. */
export const unassignProcedure = authedProcedure
  .input(policyInputs.assignmentRef)
  .output(idOnly)
  .mutation(({ ctx, input }) => json(unassignPolicy(ctx.db, ctx.principal, input)));
