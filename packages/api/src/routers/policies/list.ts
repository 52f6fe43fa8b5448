import { listPolicies } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { OrgScopedInput } from "../policies/inputs.js";

/** The organization's policies with their latest version. */
export const listProcedure = authedProcedure
  .input(coreInput<OrgScopedInput>())
  .query(({ ctx, input }) => json(listPolicies(ctx.db, ctx.principal, input)));
