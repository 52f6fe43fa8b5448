import { changeAssignment } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { ChangeAssignmentInput } from "../policies/inputs.js";

/** Pins an assignment to a version, or unpins it (null) to follow the latest. */
export const changeProcedure = authedProcedure
  .input(coreInput<ChangeAssignmentInput>())
  .mutation(({ ctx, input }) => json(changeAssignment(ctx.db, ctx.principal, input)));
