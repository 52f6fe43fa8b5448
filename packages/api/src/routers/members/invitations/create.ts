import { createInvitation, createInvitationInput } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { createdInvitationOutput } from "../../../outputs/index.js";
import { authedProcedure } from "../../../trpc.js";

/** Invites an email with a role; the token is returned once. */
export const createProcedure = authedProcedure
  .input(createInvitationInput)
  .output(createdInvitationOutput)
  .mutation(({ ctx, input }) => json(createInvitation(ctx.db, ctx.principal, input)));
