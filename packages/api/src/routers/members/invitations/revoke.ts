import { type RevokeInvitationInput, revokeInvitation } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { authedProcedure, coreInput } from "../../../trpc.js";

/** Revokes a pending invitation. */
export const revokeProcedure = authedProcedure
  .input(coreInput<RevokeInvitationInput>())
  .mutation(({ ctx, input }) => json(revokeInvitation(ctx.db, ctx.principal, input)));
