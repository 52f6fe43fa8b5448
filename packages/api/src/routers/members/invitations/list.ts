import { listInvitations, listInvitationsInput } from "@sekuire/core/members";
import { z } from "zod";
import { json } from "../../../json.js";
import { invitationOutput } from "../../../outputs/index.js";
import { authedProcedure } from "../../../trpc.js";

/** The organization's pending invitations. */
export const listProcedure = authedProcedure
  .input(listInvitationsInput)
  .output(z.array(invitationOutput))
  .query(({ ctx, input }) => json(listInvitations(ctx.db, ctx.principal, input)));
