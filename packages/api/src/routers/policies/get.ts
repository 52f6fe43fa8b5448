import { getPolicy, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { policyOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** A policy with its draft, latest version, assignments and pending publish requests. */
export const getProcedure = authedProcedure
  .input(policyInputs.policyRef)
  .output(policyOutput)
  .query(({ ctx, input }) => json(getPolicy(ctx.db, ctx.principal, input)));
