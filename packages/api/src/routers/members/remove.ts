import { type RemoveMemberInput, removeMember } from "@sekuire/core/members";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Removes a member; the last owner cannot be removed. */
export const removeProcedure = authedProcedure
  .input(coreInput<RemoveMemberInput>())
  .mutation(({ ctx, input }) => json(removeMember(ctx.db, ctx.principal, input)));
