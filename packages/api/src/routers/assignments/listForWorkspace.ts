import { listWorkspaceAssignments, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { workspaceAssignmentsOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** A workspace's assignments with the version each makes live. */
export const listForWorkspaceProcedure = authedProcedure
  .input(policyInputs.workspaceRef)
  .output(workspaceAssignmentsOutput)
  .query(({ ctx, input }) => json(listWorkspaceAssignments(ctx.db, ctx.principal, input)));
