import { getVersion } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { VersionRefInput } from "../policies/inputs.js";

/** One published version with its document. */
export const getVersionProcedure = authedProcedure
  .input(coreInput<VersionRefInput>())
  .query(({ ctx, input }) => json(getVersion(ctx.db, ctx.principal, input)));
