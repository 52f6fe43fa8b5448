import { countPendingApprovals } from "@sekuire/core/approvals";
import { organizationIdSchema } from "@sekuire/core/shared";
import { z } from "zod";
import { authedProcedure } from "../../trpc.js";

/** How many requests wait for a decision (the navigation's count). */
export const pendingCountProcedure = authedProcedure
  .input(z.object({ organizationId: organizationIdSchema }))
  .output(z.number().int().min(0))
  .query(({ ctx, input }) => countPendingApprovals(ctx.db, ctx.principal, input));
