import { type CreateOrganizationInput, createOrganization } from "@sekuire/core/organizations";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Creates an organization with the caller (a signed-in user) as its owner. */
export const createProcedure = authedProcedure
  .input(coreInput<CreateOrganizationInput>())
  .mutation(({ ctx, input }) => json(createOrganization(ctx.db, ctx.principal, input)));
