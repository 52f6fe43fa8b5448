import { diffVersions, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { diffOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** A line diff between two versions of the same policy. */
export const diffVersionsProcedure = authedProcedure
  .input(policyInputs.diffInput)
  .output(diffOutput)
  .query(({ ctx, input }) => json(diffVersions(ctx.db, ctx.principal, input)));
