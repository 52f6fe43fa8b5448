import { type CreateInvitationInput, createInvitation } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { authedProcedure, coreInput } from "../../../trpc.js";

/** Invites an email with a role; the token is returned once. */
export const createProcedure = authedProcedure
  .input(coreInput<CreateInvitationInput>())
  .mutation(({ ctx, input }) => json(createInvitation(ctx.db, ctx.principal, input)));
