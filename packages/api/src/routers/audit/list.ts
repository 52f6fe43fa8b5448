import { type ListAuditEventsInput, listAuditEvents } from "@sekuire/core/audit-trail";
import { json } from "../../json.js";
import { authedProcedure, coreInput } from "../../trpc.js";

/** The admin audit trail, filtered and paged by cursor. */
export const listProcedure = authedProcedure
  .input(coreInput<ListAuditEventsInput>())
  .query(({ ctx, input }) => json(listAuditEvents(ctx.db, ctx.principal, input)));
