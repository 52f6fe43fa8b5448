import { assignPolicy, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { assignmentRowOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Assigns a policy to a workspace, following its latest version or pinned to one. */
export const assignProcedure = authedProcedure
  .input(policyInputs.assignInput)
  .output(assignmentRowOutput)
  .mutation(({ ctx, input }) => json(assignPolicy(ctx.db, ctx.principal, input)));
