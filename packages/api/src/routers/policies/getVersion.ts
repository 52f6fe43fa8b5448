import { getVersion, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { versionOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** One published version with its document. */
export const getVersionProcedure = authedProcedure
  .input(policyInputs.versionRef)
  .output(versionOutput)
  .query(({ ctx, input }) => json(getVersion(ctx.db, ctx.principal, input)));
