/**
 * Rows the policy tests need (organizations, users, memberships, workspaces), written straight
 * through the client so these tests do not depend on the organization services.
 */
import type { Db, Role } from "@sekuire/db";
import { createTestDatabase, type MigratedTestDatabase } from "@sekuire/db/testing";
import type { Principal } from "../../src/access/index.js";
import { AppError } from "../../src/errors/index.js";

let counter = 0;

export interface Org {
  id: string;
  /** one member per role, plus a second admin for four eyes */
  owner: Principal;
  admin: Principal;
  admin2: Principal;
  approver: Principal;
  viewer: Principal;
  workspace: string;
  workspace2: string;
}

export async function makeOrg(db: Db, options: { fourEyes?: boolean } = {}): Promise<Org> {
  const n = ++counter;
  const org = await db.organization.create({
    data: { name: `Org ${n}`, requireFourEyes: options.fourEyes ?? false },
  });
  const member = async (role: Role, tag: string): Promise<Principal> => {
    const user = await db.user.create({ data: { email: `${tag}-${n}-${Date.now()}@test.local` } });
    await db.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
    return { kind: "user", userId: user.id, label: user.email };
  };
  const workspace = async (slug: string) =>
    (await db.workspace.create({ data: { organizationId: org.id, name: slug, slug } })).id;
  return {
    id: org.id,
    owner: await member("owner", "owner"),
    admin: await member("admin", "admin"),
    admin2: await member("admin", "admin2"),
    approver: await member("approver", "approver"),
    viewer: await member("viewer", "viewer"),
    workspace: await workspace("production"),
    workspace2: await workspace("staging"),
  };
}

export function userId(principal: Principal): string {
  if (principal.kind !== "user") throw new Error("not a user principal");
  return principal.userId;
}

/** Runs `fn` and returns the AppError it threw; fails when it resolves or throws anything else. */
export async function appError(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

export async function auditActions(db: Db, organizationId: string): Promise<string[]> {
  const events = await db.adminAuditEvent.findMany({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  return events.map((e) => e.action);
}

/** A small valid document; `limits` and `approval` let tests build policies that merge. */
export function doc(
  options: {
    sid?: string;
    maxTokens?: number;
    retentionDays?: number;
    approvalActions?: string[];
    approverRole?: string;
  } = {},
): string {
  const document: Record<string, unknown> = {
    Version: "2024-12-02",
    Statement: [
      {
        Sid: options.sid ?? "AllowRead",
        Effect: "Allow",
        Action: "file:Read",
        Resource: "file://workspace/*",
      },
    ],
    ResourceLimits: { MaxTokens: options.maxTokens ?? 1000 },
    AuditLog: { Required: true, RetentionDays: options.retentionDays ?? 30 },
  };
  if (options.approvalActions)
    document.RequireApproval = {
      Actions: options.approvalActions,
      ...(options.approverRole ? { ApproverRole: options.approverRole } : {}),
    };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function testDatabase(): Promise<MigratedTestDatabase> {
  return createTestDatabase();
}

/** An admin token principal backed by a real row (audit events reference it). */
export async function tokenPrincipal(
  db: Db,
  organizationId: string,
  role: Role,
): Promise<Principal> {
  const token = await db.adminToken.create({
    data: {
      organizationId,
      role,
      name: `ci-${role}`,
      prefix: "sek_admin_test",
      lastFour: "abcd",
      secretHash: `hash-${organizationId}-${role}-${Math.random()}`,
    },
  });
  return { kind: "admin_token", tokenId: token.id, organizationId, role, label: token.name };
}
