import { decisionExportLineSchema } from "@sekuire/contracts";
import { exportDecisionPage, exportDecisionsInput } from "@sekuire/core/decisions";
import { z } from "zod";
import { authedProcedure } from "../../trpc.js";

/**
 * A page of the decision export (JSON-lines records, `sekuire.decision/v1`) and the cursor of
 * the next; GET /api/v1/decisions/export streams the same lines in one response.
 */
export const exportProcedure = authedProcedure
  .input(exportDecisionsInput)
  .output(
    z.strictObject({ lines: z.array(decisionExportLineSchema), nextCursor: z.string().nullable() }),
  )
  .query(({ ctx, input }) => exportDecisionPage(ctx.db, ctx.principal, input));
