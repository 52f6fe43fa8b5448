import { listPublishRequests } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { ListPublishRequestsInput } from "../policies/inputs.js";

/** Publish requests waiting for (or decided by) a second admin. */
export const listPublishRequestsProcedure = authedProcedure
  .input(coreInput<ListPublishRequestsInput>())
  .query(({ ctx, input }) => json(listPublishRequests(ctx.db, ctx.principal, input)));
