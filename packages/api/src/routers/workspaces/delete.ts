import { deleteWorkspace, deleteWorkspaceInput } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { nothing } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Deletes a workspace. */
export const deleteProcedure = authedProcedure
  .input(deleteWorkspaceInput)
  .output(nothing)
  .mutation(({ ctx, input }) => json(deleteWorkspace(ctx.db, ctx.principal, input)));
