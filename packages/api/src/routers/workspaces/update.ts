import { type UpdateWorkspaceInput, updateWorkspace } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Renames a workspace or changes its slug or description. */
export const updateProcedure = authedProcedure
  .input(coreInput<UpdateWorkspaceInput>())
  .mutation(({ ctx, input }) => json(updateWorkspace(ctx.db, ctx.principal, input)));
