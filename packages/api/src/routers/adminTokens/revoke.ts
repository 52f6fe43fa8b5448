import { type RevokeAdminTokenInput, revokeAdminToken } from "@sekuire/core/admin-tokens";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Revokes an admin token. */
export const revokeProcedure = authedProcedure
  .input(coreInput<RevokeAdminTokenInput>())
  .mutation(({ ctx, input }) => json(revokeAdminToken(ctx.db, ctx.principal, input)));
