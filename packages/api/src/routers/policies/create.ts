import { createPolicy } from "@sekuire/core/policies";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";
import type { CreatePolicyInput } from "../policies/inputs.js";

/** Creates a policy from a seed template, a document, or blank; the engine's warnings come back as findings. */
export const createProcedure = authedProcedure
  .input(coreInput<CreatePolicyInput>())
  .mutation(({ ctx, input }) => json(createPolicy(ctx.db, ctx.principal, input)));
