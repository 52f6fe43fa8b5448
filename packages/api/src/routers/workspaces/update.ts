import { updateWorkspace, updateWorkspaceInput } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { workspaceOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Renames a workspace or changes its slug or description. */
export const updateProcedure = authedProcedure
  .input(updateWorkspaceInput)
  .output(workspaceOutput)
  .mutation(({ ctx, input }) => json(updateWorkspace(ctx.db, ctx.principal, input)));
