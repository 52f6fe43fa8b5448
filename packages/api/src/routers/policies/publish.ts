import { publishPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { PublishInput } from "../policies/inputs.js";

/** Publishes the draft as a new version (or a pending request under four eyes); engine errors come back in details. */
export const publishProcedure = authedProcedure
  .input(coreInput<PublishInput>())
  .mutation(({ ctx, input }) => json(publishPolicy(ctx.db, ctx.principal, input)));
