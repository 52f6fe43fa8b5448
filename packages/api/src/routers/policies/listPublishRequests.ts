import { listPublishRequests, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { publishRequestListOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Publish requests waiting for (or decided by) a second admin. */
export const listPublishRequestsProcedure = authedProcedure
  .input(policyInputs.listPublishRequestsInput)
  .output(publishRequestListOutput)
  .query(({ ctx, input }) => json(listPublishRequests(ctx.db, ctx.principal, input)));
