import { type ListApiKeysInput, listApiKeys } from "@sekuire/core/agents";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** An agent's keys, shown by prefix and last four characters. */
export const listProcedure = authedProcedure
  .input(coreInput<ListApiKeysInput>())
  .query(({ ctx, input }) => json(listApiKeys(ctx.db, ctx.principal, input)));
