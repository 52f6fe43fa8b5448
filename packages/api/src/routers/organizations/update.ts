import { type UpdateOrganizationInput, updateOrganization } from "@sekuire/core/organizations";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Renames the organization (admin) or switches four-eyes publishing (owner). */
export const updateProcedure = authedProcedure
  .input(coreInput<UpdateOrganizationInput>())
  .mutation(({ ctx, input }) => json(updateOrganization(ctx.db, ctx.principal, input)));
