import { saveDraft } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { SaveDraftInput } from "../policies/inputs.js";

/** Saves the draft; nothing live changes. */
export const saveDraftProcedure = authedProcedure
  .input(coreInput<SaveDraftInput>())
  .mutation(({ ctx, input }) => json(saveDraft(ctx.db, ctx.principal, input)));
