import { policyInputs, restoreVersion } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { draftOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Makes an old version the new draft (publish to make it live). */
export const restoreVersionProcedure = authedProcedure
  .input(policyInputs.versionRef)
  .output(draftOutput)
  .mutation(({ ctx, input }) => json(restoreVersion(ctx.db, ctx.principal, input)));
