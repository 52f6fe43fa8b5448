import { type RevokeApiKeyInput, revokeApiKey } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Revokes a key at once. */
export const revokeProcedure = authedProcedure
  .input(coreInput<RevokeApiKeyInput>())
  .mutation(({ ctx, input }) => json(revokeApiKey(ctx.db, ctx.principal, input)));
