import { type AcceptInvitationInput, acceptInvitation } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { authedProcedure, coreInput } from "../../../trpc.js";

/** The signed-in invitee joins with the invited role (single use, expiring). */
export const acceptProcedure = authedProcedure
  .input(coreInput<AcceptInvitationInput>())
  .mutation(({ ctx, input }) => json(acceptInvitation(ctx.db, ctx.principal, input)));
