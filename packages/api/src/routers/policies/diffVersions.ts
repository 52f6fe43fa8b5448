import { diffVersions } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { DiffInput } from "../policies/inputs.js";

/** A line diff between two versions of the same policy. */
export const diffVersionsProcedure = authedProcedure
  .input(coreInput<DiffInput>())
  .query(({ ctx, input }) => json(diffVersions(ctx.db, ctx.principal, input)));
