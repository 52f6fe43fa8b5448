import { changeRole, changeRoleInput } from "@sekuire/core/members";
import { json } from "../../json.js";
import { memberOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Changes a member's role; only owners grant or remove owner and admin. */
export const changeRoleProcedure = authedProcedure
  .input(changeRoleInput)
  .output(memberOutput)
  .mutation(({ ctx, input }) => json(changeRole(ctx.db, ctx.principal, input)));
