import { type CreateWorkspaceInput, createWorkspace } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** Creates a workspace in the organization. */
export const createProcedure = authedProcedure
  .input(coreInput<CreateWorkspaceInput>())
  .mutation(({ ctx, input }) => json(createWorkspace(ctx.db, ctx.principal, input)));
