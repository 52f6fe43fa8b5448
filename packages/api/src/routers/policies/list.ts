import { listPolicies, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { policyListOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The organization's policies with their latest version. */
export const listProcedure = authedProcedure
  .input(policyInputs.orgScoped)
  .output(policyListOutput)
  .query(({ ctx, input }) => json(listPolicies(ctx.db, ctx.principal, input)));
