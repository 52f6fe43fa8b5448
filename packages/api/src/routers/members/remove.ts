import { removeMember, removeMemberInput } from "@sekuire/core/members";
import { json } from "../../json.js";
import { nothing } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Removes a member; the last owner cannot be removed. */
export const removeProcedure = authedProcedure
  .input(removeMemberInput)
  .output(nothing)
  .mutation(({ ctx, input }) => json(removeMember(ctx.db, ctx.principal, input)));
