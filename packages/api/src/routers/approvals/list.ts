import { listApprovals, listApprovalsInput } from "@sekuire/core/approvals";
import { json } from "../../json.js";
import { approvalInboxOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** The inbox: every pending request (soonest to expire first), then the history by page. */
export const listProcedure = authedProcedure
  .input(listApprovalsInput)
  .output(approvalInboxOutput)
  .query(({ ctx, input }) => json(listApprovals(ctx.db, ctx.principal, input)));
