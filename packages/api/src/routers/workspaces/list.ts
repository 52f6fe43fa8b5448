import { listWorkspaces, listWorkspacesInput } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { workspaceListOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The organization's workspaces. */
export const listProcedure = authedProcedure
  .input(listWorkspacesInput)
  .output(workspaceListOutput)
  .query(({ ctx, input }) => json(listWorkspaces(ctx.db, ctx.principal, input)));
