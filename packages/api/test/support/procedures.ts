/**
 * Every procedure of the API, with an input naming one world's objects. The tenancy test walks
 * this table and fails when a procedure of the router has no row here (or a row names a
 * procedure that no longer exists), so a new procedure cannot ship without its isolation check.
 */
import { policyDocument } from "@sekuire/core/testing";
import { appRouter } from "../../src/router.js";
import type { Caller, World } from "./world.js";

export interface ProcedureRow {
  /** the input, naming `w`'s organization and objects */
  input: (w: World) => unknown;
  /**
   * What the input names besides the organization: "ids" (must be NOT_FOUND/FORBIDDEN when they
   * are another organization's, even under the caller's own organization id), or "org" (only the
   * organization id).
   */
  names: "ids" | "org";
  /** set when no foreign id can be given at all, with the reason; tested separately */
  noForeignId?: string;
  /** set for the few writes a viewer may make, with the reason */
  viewerMay?: string;
  /** for reads above a viewer's station: the role they need (a viewer is FORBIDDEN) */
  readNeeds?: "approver" | "admin" | "owner";
}

const org = (w: World) => ({ organizationId: w.organizationId });

export const PROCEDURES: Record<string, ProcedureRow> = {
  "organizations.create": {
    input: () => ({ name: "Another organization" }),
    names: "org",
    noForeignId: "it creates a new organization owned by the caller",
    viewerMay: "any signed-in user may start an organization of their own",
  },
  "organizations.list": {
    input: () => undefined,
    names: "org",
    noForeignId: "it lists the caller's own memberships",
  },
  "organizations.update": { input: (w) => ({ ...org(w), name: "Renamed" }), names: "org" },

  "members.list": { input: org, names: "org" },
  "members.changeRole": {
    input: (w) => ({ ...org(w), userId: w.approver.userId, role: "viewer" }),
    names: "ids",
  },
  "members.remove": { input: (w) => ({ ...org(w), userId: w.approver.userId }), names: "ids" },
  "members.leave": { input: org, names: "org", viewerMay: "any member may leave" },
  "members.invitations.create": {
    input: (w) => ({ ...org(w), email: "someone.new@example.test", role: "viewer" }),
    names: "org",
  },
  "members.invitations.accept": {
    input: (w) => ({ token: w.invitationToken }),
    names: "ids",
    viewerMay: "the invitee accepts with the token, whatever their role elsewhere",
  },
  "members.invitations.revoke": {
    input: (w) => ({ ...org(w), invitationId: w.invitationId }),
    names: "ids",
  },
  "members.invitations.list": { input: org, names: "org", readNeeds: "admin" },

  "workspaces.create": { input: (w) => ({ ...org(w), name: "Staging" }), names: "org" },
  "workspaces.list": { input: org, names: "org" },
  "workspaces.get": { input: (w) => ({ ...org(w), workspaceId: w.workspaceId }), names: "ids" },
  "workspaces.update": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId, name: "Renamed" }),
    names: "ids",
  },
  "workspaces.delete": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
  },

  "policies.create": {
    input: (w) => ({ ...org(w), templateId: "development" }),
    names: "org",
  },
  "policies.list": { input: org, names: "org" },
  "policies.get": { input: (w) => ({ ...org(w), policyId: w.policyId }), names: "ids" },
  "policies.saveDraft": {
    input: (w) => ({ ...org(w), policyId: w.policyId, document: policyDocument({ sid: "Draft" }) }),
    names: "ids",
  },
  "policies.publish": {
    input: (w) => ({ ...org(w), policyId: w.policyId, changeNote: "again" }),
    names: "ids",
  },
  "policies.listPublishRequests": { input: org, names: "org" },
  "policies.approvePublishRequest": {
    input: (w) => ({ ...org(w), requestId: w.publishRequestId }),
    names: "ids",
  },
  "policies.rejectPublishRequest": {
    input: (w) => ({ ...org(w), requestId: w.publishRequestId, note: "no" }),
    names: "ids",
  },
  "policies.listVersions": { input: (w) => ({ ...org(w), policyId: w.policyId }), names: "ids" },
  "policies.getVersion": { input: (w) => ({ ...org(w), versionId: w.versionId }), names: "ids" },
  "policies.diffVersions": {
    input: (w) => ({ ...org(w), fromVersionId: w.versionId, toVersionId: w.version2Id }),
    names: "ids",
  },
  "policies.restoreVersion": {
    input: (w) => ({ ...org(w), versionId: w.versionId }),
    names: "ids",
  },
  "policies.delete": { input: (w) => ({ ...org(w), policyId: w.policyId }), names: "ids" },

  "assignments.assign": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId, policyId: w.policyId }),
    names: "ids",
  },
  "assignments.change": {
    input: (w) => ({ ...org(w), assignmentId: w.assignmentId, pinnedVersionId: w.versionId }),
    names: "ids",
  },
  "assignments.unassign": {
    input: (w) => ({ ...org(w), assignmentId: w.assignmentId }),
    names: "ids",
  },
  "assignments.listForWorkspace": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
  },
  "assignments.effectiveSettings": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
  },

  "agents.create": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId, name: "Another bot" }),
    names: "ids",
  },
  "agents.list": { input: org, names: "org" },
  "agents.get": { input: (w) => ({ ...org(w), agentId: w.agentId }), names: "ids" },
  "agents.setFrozen": {
    input: (w) => ({ ...org(w), agentId: w.agentId, frozen: true }),
    names: "ids",
  },
  "agents.delete": { input: (w) => ({ ...org(w), agentId: w.agentId }), names: "ids" },

  "apiKeys.create": { input: (w) => ({ ...org(w), agentId: w.agentId }), names: "ids" },
  "apiKeys.list": { input: (w) => ({ ...org(w), agentId: w.agentId }), names: "ids" },
  "apiKeys.revoke": { input: (w) => ({ ...org(w), keyId: w.keyId }), names: "ids" },
  "apiKeys.rotate": {
    input: (w) => ({ ...org(w), keyId: w.keyId, gracePeriodSeconds: 60 }),
    names: "ids",
  },

  "adminTokens.create": {
    input: (w) => ({ ...org(w), name: "deploy", role: "viewer" }),
    names: "org",
  },
  "adminTokens.list": { input: org, names: "org", readNeeds: "admin" },
  "adminTokens.revoke": {
    input: (w) => ({ ...org(w), tokenId: w.adminTokenId }),
    names: "ids",
  },

  "audit.list": { input: org, names: "org", readNeeds: "admin" },

  "workspaces.setFrozen": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId, frozen: true }),
    names: "ids",
  },
  "decisions.verifyChain": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
  },
  "decisions.export": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
    readNeeds: "admin",
  },
  "decisions.list": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId, agentId: w.agentId }),
    names: "ids",
    readNeeds: "admin",
  },
  "decisions.get": {
    input: (w) => ({ ...org(w), decisionId: w.decisionId }),
    names: "ids",
    readNeeds: "admin",
  },
  "decisions.stats": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
    readNeeds: "admin",
  },
  "webhooks.settings": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
    readNeeds: "admin",
  },
  "webhooks.rotateSecret": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId }),
    names: "ids",
  },
  "webhooks.sendTest": {
    input: (w) => ({ ...org(w), workspaceId: w.workspaceId, url: "http://127.0.0.1:9/hook" }),
    names: "ids",
  },
  "approvals.get": { input: (w) => ({ ...org(w), approvalId: w.approvalId }), names: "ids" },
  "approvals.list": { input: (w) => ({ ...org(w), workspaceId: w.workspaceId }), names: "ids" },
  "approvals.pendingCount": { input: (w) => org(w), names: "org" },
  "approvals.decide": {
    input: (w) => ({ ...org(w), approvalId: w.approvalId, verdict: "deny", comment: "no" }),
    names: "ids",
  },
};

type ProcedureKind = "query" | "mutation" | "subscription";

/** Every procedure path of the router (e.g. `members.invitations.create`) with its kind. */
export function routerProcedures(): Map<string, ProcedureKind> {
  // At runtime `_def.procedures` is flat, keyed by the dotted path; its declared type is nested.
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureKind } }
  >;
  return new Map(Object.entries(procedures).map(([path, p]) => [path, p._def.type]));
}

/** Calls a procedure by its dotted path. */
export function callPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  return (target as (input: unknown) => Promise<unknown>)(input);
}
