import { decisionStats, decisionStatsInput } from "@sekuire/core/decisions";
import { json } from "../../json.js";
import { decisionStatsOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** A workspace's recorded decisions per hour (24 h) or day (7 days) by outcome (admins). */
export const statsProcedure = authedProcedure
  .input(decisionStatsInput)
  .output(decisionStatsOutput)
  .query(({ ctx, input }) => json(decisionStats(ctx.db, ctx.principal, input)));
