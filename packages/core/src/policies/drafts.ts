/**
 * Saving a draft. A draft changes nothing live: only publishing does.
 *
 * Product choice: a draft must have no engine errors (warnings are fine and come back). The editor
 * already disables saving while there are errors, and a stored draft that is always valid means
 * publish can only fail on a rule the engine added since, and "restore", "diff against draft"
 * and previews never meet a broken document. The author's unsaved work stays in the editor.
 */
import type { Db, DbTransaction } from "@sekuire/db";
import type { Access } from "../access/index.js";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { parseInput } from "../shared/index.js";
import { saveDraftInput } from "./inputs.js";
import { actorUserId, loadPolicy, TX_OPTIONS } from "./store.js";
import { assertValidDocument } from "./validation.js";

export async function saveDraft(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(saveDraftInput, raw);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, input.organizationId, "admin");
    const { warnings } = assertValidDocument(input.document, "The draft has errors.");
    await loadPolicy(tx, input.organizationId, input.policyId);
    const saved = await writeDraft(tx, access, input.policyId, input.document, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "policy.draft_saved",
      targetType: "policy",
      targetId: input.policyId,
    });
    return { policy: saved, findings: warnings };
  }, TX_OPTIONS);
}

/** Stores the draft text as written; the caller has checked the policy is the organization's. */
export async function writeDraft(
  tx: DbTransaction,
  access: Access,
  policyId: string,
  document: string,
  extra: { name?: string; description?: string | null } = {},
) {
  return tx.policy.update({
    where: { id: policyId, organizationId: access.organizationId },
    data: {
      ...extra,
      draftDocument: document,
      draftUpdatedById: actorUserId(access.actor),
      draftUpdatedAt: new Date(),
    },
  });
}
