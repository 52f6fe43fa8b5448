import { type RotateApiKeyInput, rotateApiKey } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Issues a new secret; the old one works for the grace period given. */
export const rotateProcedure = authedProcedure
  .input(coreInput<RotateApiKeyInput>())
  .mutation(({ ctx, input }) => json(rotateApiKey(ctx.db, ctx.principal, input)));
