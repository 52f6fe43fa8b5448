import { unassignPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { AssignmentRefInput } from "../policies/inputs.js";

/** Removes a policy from a workspace. */
export const unassignProcedure = authedProcedure
  .input(coreInput<AssignmentRefInput>())
  .mutation(({ ctx, input }) => json(unassignPolicy(ctx.db, ctx.principal, input)));
