import { restoreVersion } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { VersionRefInput } from "../policies/inputs.js";

/** Makes an old version the new draft (publish to make it live). */
export const restoreVersionProcedure = authedProcedure
  .input(coreInput<VersionRefInput>())
  .mutation(({ ctx, input }) => json(restoreVersion(ctx.db, ctx.principal, input)));
