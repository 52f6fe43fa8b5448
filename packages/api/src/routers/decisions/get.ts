import { getDecision, getDecisionInput } from "@sekuire/core/decisions";
import { decisionItemOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** One decision record with every field it keeps (admins). */
export const getProcedure = authedProcedure
  .input(getDecisionInput)
  .output(decisionItemOutput)
  .query(({ ctx, input }) => getDecision(ctx.db, ctx.principal, input));
