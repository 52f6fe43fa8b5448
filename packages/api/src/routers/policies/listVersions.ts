import { listVersions, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { versionListOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** A policy's published versions, newest first, without their documents. */
export const listVersionsProcedure = authedProcedure
  .input(policyInputs.policyRef)
  .output(versionListOutput)
  .query(({ ctx, input }) => json(listVersions(ctx.db, ctx.principal, input)));
