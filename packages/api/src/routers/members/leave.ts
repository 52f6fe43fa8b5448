import { leaveOrganization, leaveOrganizationInput } from "@sekuire/core/members";
import { json } from "../../json.js";
import { nothing } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The caller leaves the organization; the last owner cannot. */
export const leaveProcedure = authedProcedure
  .input(leaveOrganizationInput)
  .output(nothing)
  .mutation(({ ctx, input }) => json(leaveOrganization(ctx.db, ctx.principal, input)));
