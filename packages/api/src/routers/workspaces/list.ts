import { type ListWorkspacesInput, listWorkspaces } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** The organization's workspaces. */
export const listProcedure = authedProcedure
  .input(coreInput<ListWorkspacesInput>())
  .query(({ ctx, input }) => json(listWorkspaces(ctx.db, ctx.principal, input)));
