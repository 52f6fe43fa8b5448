/**
 * Published versions: list, read, compare, and restore one as the new draft (restoring changes
 * nothing live until the restored draft is published as a new version).
 */
import type { Db } from "@sekuire/db";
import { authorize, authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError, notFound } from "../errors/index.js";
import { parseInput } from "../shared/index.js";
import { diffLines, prettyLines, toHunks } from "./diff.js";
import { writeDraft } from "./drafts.js";
import { diffInput, policyRef, versionRef } from "./inputs.js";
import { loadPolicy, loadVersion, TX_OPTIONS } from "./store.js";
import { assertValidDocument } from "./validation.js";

const PERSON = { select: { id: true, email: true, name: true } } as const;

export async function listVersions(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, policyId } = parseInput(policyRef, raw);
  await authorize(db, principal, organizationId, "viewer");
  await loadPolicy(db, organizationId, policyId);
  // Without the documents: a history list shows who, when and why; getVersion has the text.
  return db.policyVersion.findMany({
    where: { organizationId, policyId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      policyId: true,
      number: true,
      changeNote: true,
      createdAt: true,
      approvedAt: true,
      createdBy: PERSON,
      approvedBy: PERSON,
    },
  });
}

export async function getVersion(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, versionId } = parseInput(versionRef, raw);
  await authorize(db, principal, organizationId, "viewer");
  const version = await db.policyVersion.findFirst({
    where: { id: versionId, organizationId },
    include: { createdBy: PERSON, approvedBy: PERSON },
  });
  if (!version) throw notFound("The policy version");
  return version;
}

export async function diffVersions(db: Db, principal: Principal, raw: unknown) {
  const input = parseInput(diffInput, raw);
  await authorize(db, principal, input.organizationId, "viewer");
  const [from, to] = await Promise.all([
    loadVersion(db, input.organizationId, input.fromVersionId),
    loadVersion(db, input.organizationId, input.toVersionId),
  ]);
  if (from.policyId !== to.policyId)
    throw new AppError("BAD_REQUEST", "Both versions must belong to the same policy.", [
      { pointer: "/toVersionId", message: "This version belongs to another policy." },
    ]);
  const lines = diffLines(prettyLines(from.document), prettyLines(to.document));
  return {
    policyId: from.policyId,
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    added: lines.filter((l) => l.kind === "added").length,
    removed: lines.filter((l) => l.kind === "removed").length,
    hunks: toHunks(lines, input.context ?? 3),
    /** every line of both documents, for a side-by-side view */
    lines,
  };
}

export async function restoreVersion(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, versionId } = parseInput(versionRef, raw);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    const version = await loadVersion(tx, organizationId, versionId);
    // An old version may fail a rule the engine has gained since; the findings say what to fix.
    const { warnings } = assertValidDocument(version.document, "The restored version has errors.");
    const policy = await writeDraft(tx, access, version.policyId, version.document);
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "policy.restored",
      targetType: "policy",
      targetId: version.policyId,
      details: { versionId: version.id, number: version.number },
    });
    return { policy, findings: warnings };
  }, TX_OPTIONS);
}
