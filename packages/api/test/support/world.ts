/**
 * The router tests' own fixtures: the API as a principal sees it in-process, and "worlds": an
 * organization with one member per role and one of everything a procedure can take an id of,
 * built through the API itself, so the fixtures double as a happy-path run of the writes.
 * Databases, users, members and documents come from @sekuire/core/testing, shared with core.
 */
import type { Principal } from "@sekuire/core/access";
import {
  addMember,
  createUser,
  policyDocument,
  recordDecisions,
  type UserPrincipal,
} from "@sekuire/core/testing";
import type { Db } from "@sekuire/db";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { appRouter } from "../../src/router.js";
import type { Context } from "../../src/trpc.js";

export function contextFor(db: Db, principal: Principal | null): Context {
  return { db, principal, requestId: "req_test" };
}

/** The API as this principal sees it, in-process. */
export function callerFor(db: Db, principal: Principal | null) {
  return appRouter.createCaller(contextFor(db, principal));
}

export type Caller = ReturnType<typeof callerFor>;

export interface World {
  organizationId: string;
  owner: UserPrincipal;
  admin: UserPrincipal;
  admin2: UserPrincipal;
  approver: UserPrincipal;
  viewer: UserPrincipal;
  workspaceId: string;
  agentId: string;
  keyId: string;
  policyId: string;
  /** two published versions of `policyId` */
  versionId: string;
  version2Id: string;
  /** a pending four-eyes request on `policyId` (the organization requires four eyes) */
  publishRequestId: string;
  assignmentId: string;
  invitationId: string;
  invitationToken: string;
  adminTokenId: string;
  adminTokenSecret: string;
  /** a pending approval request of the agent (as the decision API opens them) */
  approvalId: string;
  /** a recorded decision of the agent (a Deny, made and chained by the real decision path) */
  decisionId: string;
}

/** An organization with a member per role and one of everything, built through the API. */
export async function buildWorld(db: Db, name = "Acme"): Promise<World> {
  const owner = await createUser(db, "owner");
  const asOwner = callerFor(db, owner);
  const org = await asOwner.organizations.create({ name });
  const organizationId = org.id;
  const admin = await addMember(db, organizationId, "admin");
  const admin2 = await addMember(db, organizationId, "admin", "admin2");
  const approver = await addMember(db, organizationId, "approver");
  const viewer = await addMember(db, organizationId, "viewer");
  const asAdmin = callerFor(db, admin);

  const workspace = await asAdmin.workspaces.create({ organizationId, name: "Production" });
  const agent = await asAdmin.agents.create({
    organizationId,
    workspaceId: workspace.id,
    name: "Support bot",
  });
  const key = await asAdmin.apiKeys.create({ organizationId, agentId: agent.id });

  const { policy } = await asAdmin.policies.create({
    organizationId,
    name: "Baseline",
    document: policyDocument({ sid: "V1" }),
  });
  const policyId = policy.id;
  const v1 = await asAdmin.policies.publish({ organizationId, policyId, changeNote: "first" });
  await asAdmin.policies.saveDraft({
    organizationId,
    policyId,
    document: policyDocument({ sid: "V2" }),
  });
  const v2 = await asAdmin.policies.publish({ organizationId, policyId, changeNote: "second" });
  await asOwner.organizations.update({ organizationId, requireFourEyes: true });
  const pending = await asAdmin.policies.publish({
    organizationId,
    policyId,
    changeNote: "third, waiting for a second admin",
    document: policyDocument({ sid: "V3" }),
  });
  const assignment = await asAdmin.assignments.assign({
    organizationId,
    workspaceId: workspace.id,
    policyId,
  });
  const invitation = await asAdmin.members.invitations.create({
    organizationId,
    email: `invitee-${Math.random().toString(36).slice(2, 8)}@example.test`,
    role: "viewer",
  });
  const token = await asOwner.adminTokens.create({ organizationId, name: "ci", role: "admin" });

  const approval = await db.approvalRequest.create({
    data: {
      organizationId,
      workspaceId: workspace.id,
      agentId: agent.id,
      action: "file:write",
      resource: "file:///srv/a",
      approverRole: "approver",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });

  const [denied] = await recordDecisions(db, key.secret, [
    { action: "db:Drop", resource: "db://production/users" },
  ]);

  if (!v1.version || !v2.version || !pending.request) throw new Error("publishing went wrong");
  if (!denied?.id) throw new Error("the world's decision was not recorded");
  return {
    organizationId,
    owner,
    admin,
    admin2,
    approver,
    viewer,
    workspaceId: workspace.id,
    agentId: agent.id,
    keyId: key.key.id,
    policyId,
    versionId: v1.version.id,
    version2Id: v2.version.id,
    publishRequestId: pending.request.id,
    assignmentId: assignment.id,
    invitationId: invitation.invitation.id,
    invitationToken: invitation.token,
    adminTokenId: token.token.id,
    adminTokenSecret: token.secret,
    approvalId: approval.id,
    decisionId: denied.id,
  };
}

/** Awaits a call that must fail with a TRPCError of one of these codes; returns the error. */
export async function expectTRPCError(
  promise: Promise<unknown>,
  codes: TRPCError["code"] | TRPCError["code"][],
): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const allowed = Array.isArray(codes) ? codes : [codes];
  expect(error, `expected a TRPCError ${allowed.join(" or ")}`).toBeInstanceOf(TRPCError);
  expect(allowed).toContain((error as TRPCError).code);
  return error as TRPCError;
}
