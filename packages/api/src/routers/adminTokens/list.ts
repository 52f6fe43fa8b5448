import { type ListAdminTokensInput, listAdminTokens } from "@sekuire/core/admin-tokens";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** The organization's admin tokens. */
export const listProcedure = authedProcedure
  .input(coreInput<ListAdminTokensInput>())
  .query(({ ctx, input }) => json(listAdminTokens(ctx.db, ctx.principal, input)));
