import { type CreateApiKeyInput, createApiKey } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Creates an API key for an agent; the secret is returned once. */
export const createProcedure = authedProcedure
  .input(coreInput<CreateApiKeyInput>())
  .mutation(({ ctx, input }) => json(createApiKey(ctx.db, ctx.principal, input)));
