import { revokeAdminToken, revokeAdminTokenInput } from "@sekuire/core/admin-tokens";
import { json } from "../../json.js";
import { adminTokenOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Revokes an admin token. */
export const revokeProcedure = authedProcedure
  .input(revokeAdminTokenInput)
  .output(adminTokenOutput)
  .mutation(({ ctx, input }) => json(revokeAdminToken(ctx.db, ctx.principal, input)));
