import { decideApproval, decideApprovalInput } from "@sekuire/core/approvals";
import { json } from "../../json.js";
import { approvalOutput } from "../../outputs/index.js";
import { authedProcedure } from "../../trpc.js";

/** Approves or denies a pending request (a member with at least its approver role, once). */
export const decideProcedure = authedProcedure
  .input(decideApprovalInput)
  .output(approvalOutput)
  .mutation(({ ctx, input }) => json(decideApproval(ctx.db, ctx.principal, input)));
