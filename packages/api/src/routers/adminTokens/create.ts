import { type CreateAdminTokenInput, createAdminToken } from "@sekuire/core/admin-tokens";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Creates an admin token scoped to a role; the secret is returned once. */
export const createProcedure = authedProcedure
  .input(coreInput<CreateAdminTokenInput>())
  .mutation(({ ctx, input }) => json(createAdminToken(ctx.db, ctx.principal, input)));
