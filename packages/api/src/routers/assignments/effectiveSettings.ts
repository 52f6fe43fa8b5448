import { effectiveWorkspaceSettings, policyInputs } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { effectiveSettingsOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The limits, approval rules and audit settings the workspace's live policies add up to. */
export const effectiveSettingsProcedure = authedProcedure
  .input(policyInputs.workspaceRef)
  .output(effectiveSettingsOutput)
  .query(({ ctx, input }) => json(effectiveWorkspaceSettings(ctx.db, ctx.principal, input)));
