/**
 * What is live in a workspace: the documents of its assigned policies (each at its pinned version
 * or its latest published one), and the settings they add up to, merged by the engine's compile()
 * exactly as the decision API will merge them.
 */
import type { Db } from "@sekuire/db";
import {
  approvalRuleOf,
  compile,
  type Finding,
  type PolicyApprovalRule,
  type PolicyEntry,
  parsePolicy,
} from "@sekuire/policy-engine";
import { authorize, type Principal } from "../access/index.js";
import { parseInput } from "../shared/index.js";
import { workspaceRef } from "./inputs.js";
import type { Client } from "./store.js";
import { loadWorkspace } from "./store.js";

export interface LiveDocument {
  assignmentId: string;
  policyId: string;
  policyName: string;
  versionId: string;
  versionNumber: number;
  /** true when pinned to this version, false when following the latest */
  pinned: boolean;
  /** the JSON text as published */
  document: string;
}

/**
 * The documents live in a workspace, for the decision API: no principal (it authenticates agents
 * by key), but always scoped by both organization and workspace. Assigned policies with no
 * published version contribute nothing. Ordered by assignment, so compiling is deterministic.
 */
export async function liveDocuments(
  db: Client,
  scope: { organizationId: string; workspaceId: string },
): Promise<LiveDocument[]> {
  const rows = await (db as Db).policyAssignment.findMany({
    where: { organizationId: scope.organizationId, workspaceId: scope.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      policy: {
        select: {
          name: true,
          versions: { orderBy: { number: "desc" }, take: 1 },
        },
      },
      pinnedVersion: true,
    },
  });
  const live: LiveDocument[] = [];
  for (const row of rows) {
    const version = row.pinnedVersion ?? row.policy.versions[0];
    if (!version) continue;
    live.push({
      assignmentId: row.id,
      policyId: row.policyId,
      policyName: row.policy.name,
      versionId: version.id,
      versionNumber: version.number,
      pinned: row.pinnedVersion !== null,
      document: version.document,
    });
  }
  return live;
}

/** One assigned policy's approval rule, with the engine's defaults filled in. */
export interface ApprovalRuleSummary extends PolicyApprovalRule {
  policyId: string;
  policyName: string;
  versionNumber: number;
}

export async function effectiveWorkspaceSettings(db: Db, principal: Principal, raw: unknown) {
  const { organizationId, workspaceId } = parseInput(workspaceRef, raw);
  await authorize(db, principal, organizationId, "viewer");
  const workspace = await loadWorkspace(db, organizationId, workspaceId);
  const live = await liveDocuments(db, { organizationId, workspaceId });
  const entries: PolicyEntry[] = [];
  const approvals: ApprovalRuleSummary[] = [];
  // A live version the current engine refuses is reported, not merged: the decision API skips
  // it the same way, and the console should say so rather than fail to show anything.
  const invalid: { policyId: string; versionNumber: number; findings: Finding[] }[] = [];
  for (const doc of live) {
    const parsed = parsePolicy(doc.document);
    if (!parsed.ok) {
      invalid.push({
        policyId: doc.policyId,
        versionNumber: doc.versionNumber,
        findings: parsed.findings.filter((f) => f.severity === "error"),
      });
      continue;
    }
    entries.push({
      id: doc.policyId,
      name: doc.policyName,
      version: doc.versionNumber,
      policy: parsed.policy,
    });
    const rule = approvalRuleOf(parsed.policy);
    if (rule)
      approvals.push({
        policyId: doc.policyId,
        policyName: doc.policyName,
        versionNumber: doc.versionNumber,
        ...rule,
      });
  }
  const set = compile(entries);
  return {
    workspace,
    policies: live.map(({ document: _document, ...meta }) => meta),
    /** integers: seconds, counts, micro-USD, bytes (the engine's EffectiveLimits); absent = none */
    limits: { ...set.limits },
    audit: { ...set.audit, include: [...set.audit.include] },
    approvals,
    invalid,
  };
}
