import { sendTestDelivery, testDeliveryInput } from "@sekuire/core/webhooks";
import { z } from "zod";
import { json } from "../../json.js";
import { authedProcedure } from "../../trpc.js";

/** A `webhook.test` event sent now; the outcome (and the row in the deliveries) says how it went. */
export const sendTestProcedure = authedProcedure
  .input(testDeliveryInput)
  .output(
    z.strictObject({
      deliveryId: z.string(),
      sent: z.boolean(),
      status: z.number().int().optional(),
      error: z.string().optional(),
    }),
  )
  .mutation(({ ctx, input }) => json(sendTestDelivery(ctx.db, ctx.principal, input)));
