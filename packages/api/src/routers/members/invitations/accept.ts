import { acceptInvitation, acceptInvitationInput } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { acceptedInvitationOutput } from "../../../outputs/index.js";
import { authedProcedure } from "../../../trpc.js";

/** The signed-in invitee joins with the invited role (single use, expiring). */
export const acceptProcedure = authedProcedure
  .input(acceptInvitationInput)
  .output(acceptedInvitationOutput)
  .mutation(({ ctx, input }) => json(acceptInvitation(ctx.db, ctx.principal, input)));
