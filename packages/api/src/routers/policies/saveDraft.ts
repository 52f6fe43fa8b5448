import { policyInputs, saveDraft } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { draftOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Saves the draft; nothing live changes. */
export const saveDraftProcedure = authedProcedure
  .input(policyInputs.saveDraftInput)
  .output(draftOutput)
  .mutation(({ ctx, input }) => json(saveDraft(ctx.db, ctx.principal, input)));
