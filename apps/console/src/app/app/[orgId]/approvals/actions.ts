"use server";

import { type ActionResult, mutate } from "@/server/api";

/**
 * Approve or deny: the one way the console decides a request, a POST (server action) by a
 * signed-in member; core checks the role against the locked row and decides once.
 */
export async function decideApprovalAction(
  organizationId: string,
  approvalId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const verdict = String(form.get("verdict") ?? "");
  const comment = String(form.get("comment") ?? "").trim();
  return mutate(
    (caller) =>
      caller.approvals.decide({
        organizationId,
        approvalId,
        verdict:
          verdict === "approve" ? "approve" : verdict === "deny" ? "deny" : (verdict as never),
        ...(comment ? { comment } : {}),
      }),
    {
      revalidate: [
        `/app/${organizationId}/approvals`,
        `/app/${organizationId}/approvals/${approvalId}`,
      ],
      layout: true,
      message: verdict === "approve" ? "Approved: the agent may go ahead once." : "Denied.",
    },
  );
}
