import { rotateApiKey, rotateApiKeyInput } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { rotatedApiKeyOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Issues a new secret; the old one works for the grace period given. */
export const rotateProcedure = authedProcedure
  .input(rotateApiKeyInput)
  .output(rotatedApiKeyOutput)
  .mutation(({ ctx, input }) => json(rotateApiKey(ctx.db, ctx.principal, input)));
