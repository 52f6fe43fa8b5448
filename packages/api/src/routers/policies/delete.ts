import { deletePolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { PolicyRefInput } from "../policies/inputs.js";

/** Deletes a policy that is not assigned anywhere. */
export const deleteProcedure = authedProcedure
  .input(coreInput<PolicyRefInput>())
  .mutation(({ ctx, input }) => json(deletePolicy(ctx.db, ctx.principal, input)));
