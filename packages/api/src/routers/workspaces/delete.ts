import { type DeleteWorkspaceInput, deleteWorkspace } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Deletes a workspace. */
export const deleteProcedure = authedProcedure
  .input(coreInput<DeleteWorkspaceInput>())
  .mutation(({ ctx, input }) => json(deleteWorkspace(ctx.db, ctx.principal, input)));
