/**
 * What a workspace's decisions depend on, loaded in one go: its live policy versions compiled
 * into one set, its freeze, and the organization's decision stamp they were read under (the
 * stamp rises with every change a decision depends on, by trigger: see the migration
 * `decision_path`). The decision API caches it per workspace and reloads when the stamp moves.
 */
import type { Db } from "@sekuire/db";
import { type CompiledPolicySet, compile, type Finding, parsePolicy } from "@sekuire/policy-engine";
import { liveDocuments } from "../policies/effective.js";

export interface LiveVersion {
  policyId: string;
  policyName: string;
  versionId: string;
  versionNumber: number;
}

export interface DecisionConfig {
  organizationId: string;
  workspaceId: string;
  /** the organization's decision stamp, read before anything else */
  stamp: number;
  frozen: boolean;
  /** the compiled live versions; empty when no policy is assigned */
  set: CompiledPolicySet;
  versions: ReadonlyMap<string, LiveVersion>;
  /** Set when a live version cannot be compiled: then no decision is safe (fail closed). */
  unloadable?: { policyId: string; versionNumber: number; findings: Finding[] };
}

export async function readDecisionStamp(db: Db, organizationId: string): Promise<number | null> {
  const row = await db.organization.findUnique({
    where: { id: organizationId },
    select: { decisionStamp: true },
  });
  return row?.decisionStamp ?? null;
}

/** null when the workspace no longer exists. */
export async function loadDecisionConfig(
  db: Db,
  scope: { organizationId: string; workspaceId: string },
): Promise<DecisionConfig | null> {
  // The stamp first: a change committed while loading leaves a newer stamp, so the next check
  // reloads; the reverse order could cache new data under an old stamp forever.
  const stamp = await readDecisionStamp(db, scope.organizationId);
  const workspace = await db.workspace.findFirst({
    where: { organizationId: scope.organizationId, id: scope.workspaceId },
    select: { frozen: true },
  });
  if (stamp === null || !workspace) return null;
  const live = await liveDocuments(db, scope);
  const versions = new Map<string, LiveVersion>();
  const entries = [];
  for (const doc of live) {
    const parsed = parsePolicy(doc.document);
    if (!parsed.ok) {
      const unloadable = {
        policyId: doc.policyId,
        versionNumber: doc.versionNumber,
        findings: parsed.findings,
      };
      return { ...scope, stamp, frozen: workspace.frozen, set: compile([]), versions, unloadable };
    }
    versions.set(doc.policyId, {
      policyId: doc.policyId,
      policyName: doc.policyName,
      versionId: doc.versionId,
      versionNumber: doc.versionNumber,
    });
    entries.push({
      id: doc.policyId,
      name: doc.policyName,
      version: doc.versionNumber,
      policy: parsed.policy,
    });
  }
  return { ...scope, stamp, frozen: workspace.frozen, set: compile(entries), versions };
}
