import { revokeInvitation, revokeInvitationInput } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { nothing } from "../../../outputs/index.js";
import { authedProcedure } from "../../../trpc.js";

/** Revokes a pending invitation. */
export const revokeProcedure = authedProcedure
  .input(revokeInvitationInput)
  .output(nothing)
  .mutation(({ ctx, input }) => json(revokeInvitation(ctx.db, ctx.principal, input)));
