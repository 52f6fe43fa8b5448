import { createAdminToken, createAdminTokenInput } from "@sekuire/core/admin-tokens";
import { json } from "../../json.js";
import { createdAdminTokenOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Creates an admin token scoped to a role; the secret is returned once. */
export const createProcedure = authedProcedure
  .input(createAdminTokenInput)
  .output(createdAdminTokenOutput)
  .mutation(({ ctx, input }) => json(createAdminToken(ctx.db, ctx.principal, input)));
