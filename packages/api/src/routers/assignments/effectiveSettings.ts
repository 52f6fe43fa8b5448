import { effectiveWorkspaceSettings } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { WorkspaceRefInput } from "../policies/inputs.js";

/** The limits, approval rules and audit settings the workspace's live policies add up to. */
export const effectiveSettingsProcedure = authedProcedure
  .input(coreInput<WorkspaceRefInput>())
  .query(({ ctx, input }) => json(effectiveWorkspaceSettings(ctx.db, ctx.principal, input)));
