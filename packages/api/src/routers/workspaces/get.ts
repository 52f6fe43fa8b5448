import { getWorkspace, getWorkspaceInput } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { workspaceOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** One workspace of the organization. */
export const getProcedure = authedProcedure
  .input(getWorkspaceInput)
  .output(workspaceOutput)
  .query(({ ctx, input }) => json(getWorkspace(ctx.db, ctx.principal, input)));
