import { getPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { PolicyRefInput } from "../policies/inputs.js";

/** A policy with its draft, latest version, assignments and pending publish requests. */
export const getProcedure = authedProcedure
  .input(coreInput<PolicyRefInput>())
  .query(({ ctx, input }) => json(getPolicy(ctx.db, ctx.principal, input)));
