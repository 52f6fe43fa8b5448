import { listWorkspaceAssignments } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { WorkspaceRefInput } from "../policies/inputs.js";

/** A workspace's assignments with the version each makes live. */
export const listForWorkspaceProcedure = authedProcedure
  .input(coreInput<WorkspaceRefInput>())
  .query(({ ctx, input }) => json(listWorkspaceAssignments(ctx.db, ctx.principal, input)));
