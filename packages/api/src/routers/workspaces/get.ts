import { type GetWorkspaceInput, getWorkspace } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** One workspace of the organization. */
export const getProcedure = authedProcedure
  .input(coreInput<GetWorkspaceInput>())
  .query(({ ctx, input }) => json(getWorkspace(ctx.db, ctx.principal, input)));
