import { type ListInvitationsInput, listInvitations } from "@sekuire/core/members";
import { json } from "../../../json.js";
import { authedProcedure, coreInput } from "../../../trpc.js";

/** The organization's pending invitations. */
export const listProcedure = authedProcedure
  .input(coreInput<ListInvitationsInput>())
  .query(({ ctx, input }) => json(listInvitations(ctx.db, ctx.principal, input)));
