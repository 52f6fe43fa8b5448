import { listDecisions, listDecisionsInput } from "@sekuire/core/decisions";
import { decisionPageOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The decision explorer: records under its filters, newest first, paged by cursor (admins). */
export const listProcedure = authedProcedure
  .input(listDecisionsInput)
  .output(decisionPageOutput)
  .query(({ ctx, input }) => listDecisions(ctx.db, ctx.principal, input));
