import { assignPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { AssignInput } from "../policies/inputs.js";

/** Assigns a policy to a workspace, following its latest version or pinned to one. */
export const assignProcedure = authedProcedure
  .input(coreInput<AssignInput>())
  .mutation(({ ctx, input }) => json(assignPolicy(ctx.db, ctx.principal, input)));
