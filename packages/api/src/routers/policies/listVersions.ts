import { listVersions } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { PolicyRefInput } from "../policies/inputs.js";

/** A policy's published versions, newest first, without their documents. */
export const listVersionsProcedure = authedProcedure
  .input(coreInput<PolicyRefInput>())
  .query(({ ctx, input }) => json(listVersions(ctx.db, ctx.principal, input)));
