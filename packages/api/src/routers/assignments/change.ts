import { changeAssignment, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { assignmentRowOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Pins an assignment to a version, or unpins it (null) to follow the latest. */
export const changeProcedure = authedProcedure
  .input(policyInputs.changeAssignmentInput)
  .output(assignmentRowOutput)
  .mutation(({ ctx, input }) => json(changeAssignment(ctx.db, ctx.principal, input)));
