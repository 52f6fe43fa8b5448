import { revokeApiKey, revokeApiKeyInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { apiKeyOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Revokes a key at once. */
export const revokeProcedure = authedProcedure
  .input(revokeApiKeyInput)
  .output(apiKeyOutput)
  .mutation(({ ctx, input }) => json(revokeApiKey(ctx.db, ctx.principal, input)));
