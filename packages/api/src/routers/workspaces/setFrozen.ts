import { setWorkspaceFrozen, setWorkspaceFrozenInput } from "@sekuire/core/workspaces";
import { json } from "../../json.js";
import { workspaceOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The workspace kill switch: every decision for it Deny `Frozen` until unfrozen. */
export const setFrozenProcedure = authedProcedure
  .input(setWorkspaceFrozenInput)
  .output(workspaceOutput)
  .mutation(({ ctx, input }) => json(setWorkspaceFrozen(ctx.db, ctx.principal, input)));
