import { listAuditEvents, listAuditEventsInput } from "@sekuire/core/audit-trail";
import { json } from "../../json.js";
import { auditEventPageOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The admin audit trail, filtered and paged by cursor. */
export const listProcedure = authedProcedure
  .input(listAuditEventsInput)
  .output(auditEventPageOutput)
  .query(({ ctx, input }) => json(listAuditEvents(ctx.db, ctx.principal, input)));
