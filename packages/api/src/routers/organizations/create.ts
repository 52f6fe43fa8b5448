import { createOrganization, createOrganizationInput } from "@sekuire/core/organizations";
import { json } from "../../json.js";
import { organizationOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Creates an organization with the caller (a signed-in user) as its owner. */
export const createProcedure = authedProcedure
  .input(createOrganizationInput)
  .output(organizationOutput)
  .mutation(({ ctx, input }) => json(createOrganization(ctx.db, ctx.principal, input)));
