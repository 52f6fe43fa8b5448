"use server";

import { type ActionResult, actionError, serverCaller } from "@/server/api";

const PROBLEM = {
  hash: "its hash does not match its fields (the record was changed)",
  link: "it does not point at the record before it (a record was changed or removed)",
  gap: "the numbering has a gap (a record is missing)",
  checkpoint: "retention's signed checkpoint does not hold",
} as const;

/** Verifies one workspace's decision chain and says what it found, as a form message. */
export async function verifyChainAction(
  organizationId: string,
  workspaceId: string,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  const caller = await serverCaller(`/app/${organizationId}/decisions`);
  try {
    const report = await caller.decisions.verifyChain({ organizationId, workspaceId });
    const pruned = report.prunedThrough
      ? `, after retention's signed checkpoint at record #${report.prunedThrough}`
      : "";
    if (report.ok)
      return {
        ok: true,
        message: `Chain intact: ${report.records} record${report.records === 1 ? "" : "s"} verified${pruned}.`,
      };
    const { seq, id, problem } = report.brokenAt;
    return {
      ok: false,
      message: `Chain broken at record #${seq}${id ? ` (${id})` : ""}: ${PROBLEM[problem]}. ${report.records} records before it hold${pruned}.`,
    };
  } catch (error) {
    return actionError(error);
  }
}
