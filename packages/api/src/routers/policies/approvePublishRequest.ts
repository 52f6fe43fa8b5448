import { approvePublishRequest } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { DecidePublishInput } from "../policies/inputs.js";

/** A second admin approves a publish request, creating the version. */
export const approvePublishRequestProcedure = authedProcedure
  .input(coreInput<DecidePublishInput>())
  .mutation(({ ctx, input }) => json(approvePublishRequest(ctx.db, ctx.principal, input)));
