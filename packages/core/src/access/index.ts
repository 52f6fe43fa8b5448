/**
 * Who may do what in an organization. Roles are read from the database on every call, never
 * trusted from a session, so a removed or demoted member loses access at once.
 * owner ⊃ admin ⊃ approver ⊃ viewer.
 *
 * Reads call `authorize` before they query. Writes call `authorizeInTx` as the first statement
 * of their transaction: it locks the caller's membership (or admin token) row FOR SHARE, so a
 * removal, demotion or revocation that is under way makes the write wait and then see the new
 * state, and one that starts later waits until the write has committed.
 */
import type { Db, DbTransaction, Role } from "@sekuire/db";
import { adminTokenStatus } from "../admin-tokens/admin-token-view.js";
import type { Actor } from "../audit/index.js";
import { AppError, forbidden, notFound } from "../errors/index.js";
import type { RequestOrigin } from "./origin.js";

export { MAX_USER_AGENT_LENGTH, normalizeOrigin, type RequestOrigin } from "./origin.js";

export const ROLE_RANK: Readonly<Record<Role, number>> = {
  viewer: 1,
  approver: 2,
  admin: 3,
  owner: 4,
};

export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/**
 * An authenticated caller: a signed-in user, or an admin token already verified by its hash.
 * `origin` is where the request came from (set by the HTTP layer or a server-side caller); every
 * audit event the caller's changes record carries it.
 */
export type Principal =
  | { kind: "user"; userId: string; label?: string; origin?: RequestOrigin }
  | {
      kind: "admin_token";
      tokenId: string;
      organizationId: string;
      role: Role;
      label?: string;
      origin?: RequestOrigin;
    };

export interface Access {
  organizationId: string;
  role: Role;
  actor: Actor;
  /** the principal's request origin, for the audit events of the change */
  origin?: RequestOrigin;
}

/**
 * The caller's role in the organization, if at least `min`. An organization the caller does not
 * belong to is NOT_FOUND (its existence is nobody else's business); too low a role is FORBIDDEN.
 * For reads: a write must use `authorizeInTx` inside its transaction.
 */
export async function authorize(
  db: Db,
  principal: Principal,
  organizationId: string,
  min: Role,
): Promise<Access> {
  if (principal.kind === "admin_token")
    return grant(principal, organizationId, principal.role, min);
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: principal.userId } },
    select: { role: true },
  });
  return grant(principal, organizationId, membership?.role, min);
}

/**
 * `authorize` for writes, as the first statement of the write's transaction. The caller's
 * membership row (a user) or token row (an admin token, which must still be unrevoked and
 * unexpired) is read FOR SHARE: a concurrent removal, role change or revocation either commits
 * first, and this sees it, or waits until this transaction ends.
 */
export async function authorizeInTx(
  tx: DbTransaction,
  principal: Principal,
  organizationId: string,
  min: Role,
): Promise<Access> {
  if (principal.kind === "admin_token") {
    if (principal.organizationId !== organizationId) throw notFound("The organization");
    const role = await liveTokenRole(tx, organizationId, principal.tokenId);
    return grant(principal, organizationId, role, min);
  }
  const rows = await tx.$queryRaw<{ role: Role }[]>`
    SELECT "role" FROM "Membership"
    WHERE "organizationId" = ${organizationId} AND "userId" = ${principal.userId}
    FOR SHARE`;
  return grant(principal, organizationId, rows[0]?.role, min);
}

/** The token's role, read under a share lock; UNAUTHORIZED once it is revoked or expired. */
async function liveTokenRole(
  tx: DbTransaction,
  organizationId: string,
  tokenId: string,
): Promise<Role> {
  const rows = await tx.$queryRaw<{ role: Role; revokedAt: Date | null; expiresAt: Date | null }[]>`
    SELECT "role", "revokedAt", "expiresAt" FROM "AdminToken"
    WHERE "id" = ${tokenId} AND "organizationId" = ${organizationId}
    FOR SHARE`;
  const token = rows[0];
  if (!token || adminTokenStatus(token, new Date()) !== "active") {
    throw new AppError("UNAUTHORIZED", "This admin token has been revoked or has expired.");
  }
  return token.role;
}

/** The Access for a role found (or not: NOT_FOUND) in the organization, if it is at least `min`. */
function grant(
  principal: Principal,
  organizationId: string,
  role: Role | undefined,
  min: Role,
): Access {
  if (principal.kind === "admin_token" && principal.organizationId !== organizationId)
    throw notFound("The organization");
  if (!role) throw notFound("The organization");
  if (!roleAtLeast(role, min))
    throw forbidden(`This needs the ${min} role or higher; you are ${role}.`);
  const actor: Actor =
    principal.kind === "admin_token"
      ? { kind: "admin_token", tokenId: principal.tokenId, label: principal.label }
      : { kind: "user", userId: principal.userId, label: principal.label };
  return { organizationId, role, actor, ...(principal.origin ? { origin: principal.origin } : {}) };
}
