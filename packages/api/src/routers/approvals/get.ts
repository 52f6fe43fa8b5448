import { getApproval, getApprovalInput } from "@sekuire/core/approvals";
import { json } from "../../json.js";
import { approvalDetailOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** One approval request of the organization. */
export const getProcedure = authedProcedure
  .input(getApprovalInput)
  .output(approvalDetailOutput)
  .query(({ ctx, input }) => json(getApproval(ctx.db, ctx.principal, input)));
