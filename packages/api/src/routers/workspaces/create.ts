import { createWorkspace, createWorkspaceInput } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { workspaceOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Creates a workspace in the organization. */
export const createProcedure = authedProcedure
  .input(createWorkspaceInput)
  .output(workspaceOutput)
  .mutation(({ ctx, input }) => json(createWorkspace(ctx.db, ctx.principal, input)));
