import { listAdminTokens, listAdminTokensInput } from "@sekuire/core/admin-tokens";
import { z } from "zod";
import { json } from "../../json.js";
import { adminTokenOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The organization's admin tokens. */
export const listProcedure = authedProcedure
  .input(listAdminTokensInput)
  .output(z.array(adminTokenOutput))
  .query(({ ctx, input }) => json(listAdminTokens(ctx.db, ctx.principal, input)));
