import { rotateWebhookSecret, workspaceRefInput } from "@sekuire/core/webhooks";
import { z } from "zod";
import { json } from "../../json.js";
import { authedProcedure } from "../../trpc.js";

/** A new signing secret, returned this once; the old one stops signing at once. */
export const rotateSecretProcedure = authedProcedure
  .input(workspaceRefInput)
  .output(z.strictObject({ secret: z.string(), hint: z.string(), rotatedAt: z.string() }))
  .mutation(({ ctx, input }) => json(rotateWebhookSecret(ctx.db, ctx.principal, input)));
