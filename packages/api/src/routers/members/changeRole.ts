import { type ChangeRoleInput, changeRole } from "@sekuire/core/members";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Changes a member's role; only owners grant or remove owner and admin. */
export const changeRoleProcedure = authedProcedure
  .input(coreInput<ChangeRoleInput>())
  .mutation(({ ctx, input }) => json(changeRole(ctx.db, ctx.principal, input)));
