import { policyInputs, publishPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { publishOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Publishes the draft as a new version (or a pending request under four eyes); engine errors come back in details. */
export const publishProcedure = authedProcedure
  .input(policyInputs.publishInput)
  .output(publishOutput)
  .mutation(({ ctx, input }) => json(publishPolicy(ctx.db, ctx.principal, input)));
