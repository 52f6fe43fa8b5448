import { updateOrganization, updateOrganizationInput } from "@sekuire/core/organizations";
import { json } from "../../json.js";
import { organizationOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Renames the organization (admin) or switches four-eyes publishing (owner). */
export const updateProcedure = authedProcedure
  .input(updateOrganizationInput)
  .output(organizationOutput)
  .mutation(({ ctx, input }) => json(updateOrganization(ctx.db, ctx.principal, input)));
