import { listDeliveriesInput, webhookSettings } from "@sekuire/core/webhooks";
import { json } from "../../json.js";
import { webhookSettingsOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The workspace's secret (its last four, when rotated) and recent deliveries; admins only. */
export const settingsProcedure = authedProcedure
  .input(listDeliveriesInput)
  .output(webhookSettingsOutput)
  .query(({ ctx, input }) => json(webhookSettings(ctx.db, ctx.principal, input)));
