import { rejectPublishRequest } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { DecidePublishInput } from "../policies/inputs.js";

/** Rejects a publish request (or withdraws one's own). */
export const rejectPublishRequestProcedure = authedProcedure
  .input(coreInput<DecidePublishInput>())
  .mutation(({ ctx, input }) => json(rejectPublishRequest(ctx.db, ctx.principal, input)));
