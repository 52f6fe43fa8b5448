import { type LeaveOrganizationInput, leaveOrganization } from "@sekuire/core/members";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** The caller leaves the organization; the last owner cannot. */
export const leaveProcedure = authedProcedure
  .input(coreInput<LeaveOrganizationInput>())
  .mutation(({ ctx, input }) => json(leaveOrganization(ctx.db, ctx.principal, input)));
