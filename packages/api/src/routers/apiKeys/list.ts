import { listApiKeys, listApiKeysInput } from "@sekuire/core/agents";
import { z } from "zod";
import { json } from "../../json.js";
import { apiKeyOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** An agent's keys, shown by prefix and last four characters. */
export const listProcedure = authedProcedure
  .input(listApiKeysInput)
  .output(z.array(apiKeyOutput))
  .query(({ ctx, input }) => json(listApiKeys(ctx.db, ctx.principal, input)));
