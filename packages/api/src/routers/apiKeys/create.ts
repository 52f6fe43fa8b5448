import { createApiKey, createApiKeyInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { createdApiKeyOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Creates an API key for an agent; the secret is returned once. */
export const createProcedure = authedProcedure
  .input(createApiKeyInput)
  .output(createdApiKeyOutput)
  .mutation(({ ctx, input }) => json(createApiKey(ctx.db, ctx.principal, input)));
