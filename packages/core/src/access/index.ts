/**
 * Who may do what in an organization. Roles are read from the database on every call, never
 * trusted from a session, so a removed or demoted member loses access at once. An admin token
 * acts with at most its creator's current role (admin-tokens/token-standing.ts), read the same way.
 * owner ⊃ admin ⊃ approver ⊃ viewer.
 *
 * Reads call `authorize` before they query. Writes call `authorizeInTx` as the first statement
 * of their transaction: it locks the caller's membership (or admin token) row FOR SHARE, so a
 * removal, demotion or revocation that is under way makes the write wait and then see the new
 * state, and one that starts later waits until the write has committed.
 */
import type { Db, DbTransaction, Role } from "@sekuire/db";
import {
  type TokenStanding,
  type TokenStandingRow,
  tokenStanding,
} from "../admin-tokens/token-standing.js";
import type { Actor } from "../audit/index.js";
import { forbidden, notFound } from "../errors/index.js";
import type { RequestOrigin } from "./origin.js";
import { roleAtLeast } from "./roles.js";

export { MAX_USER_AGENT_LENGTH, normalizeOrigin, type RequestOrigin } from "./origin.js";
export { lowerRole, ROLE_RANK, type Role, roleAtLeast, rolesAbove } from "./roles.js";

/**
 * An authenticated caller: a signed-in user, or an admin token already verified by its hash.
 * `origin` is where the request came from (set by the HTTP layer or a server-side caller); every
 * audit event the caller's changes record carries it. A token's `role` is what it had when it was
 * verified; every authorization re-reads it, capped at its creator's current role.
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
  /** for a token: its own role capped at its creator's current one */
  role: Role;
  /** whose membership this access rests on: the user, or the token's creator */
  standingUserId: string;
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
  if (principal.kind === "admin_token") {
    if (principal.organizationId !== organizationId) throw notFound("The organization");
    const rows = await db.$queryRaw<TokenStandingRow[]>`
      SELECT t."role", t."revokedAt", t."expiresAt", t."createdById", m."role" AS "creatorRole"
      FROM "AdminToken" t
      LEFT JOIN "Membership" m
        ON m."organizationId" = t."organizationId" AND m."userId" = t."createdById"
      WHERE t."id" = ${principal.tokenId} AND t."organizationId" = ${organizationId}`;
    return grantToken(principal, organizationId, tokenStanding(rows[0], new Date()), min);
  }
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: principal.userId } },
    select: { role: true },
  });
  return grant(principal, organizationId, membership?.role, min, principal.userId);
}

/**
 * `authorize` for writes, as the first statement of the write's transaction. The caller's
 * membership row (a user) or token row (an admin token, which must still be unrevoked and
 * unexpired) is read FOR SHARE: a concurrent removal, role change or revocation either commits
 * first, and this sees it, or waits until this transaction ends. A token's creator's membership
 * is locked too, so a removal or demotion of the creator cannot slip past a token's write.
 */
export async function authorizeInTx(
  tx: DbTransaction,
  principal: Principal,
  organizationId: string,
  min: Role,
): Promise<Access> {
  if (principal.kind === "admin_token") {
    if (principal.organizationId !== organizationId) throw notFound("The organization");
    const standing = await lockTokenStanding(tx, organizationId, principal.tokenId);
    return grantToken(principal, organizationId, standing, min);
  }
  const rows = await tx.$queryRaw<{ role: Role }[]>`
    SELECT "role" FROM "Membership"
    WHERE "organizationId" = ${organizationId} AND "userId" = ${principal.userId}
    FOR SHARE`;
  return grant(principal, organizationId, rows[0]?.role, min, principal.userId);
}

/**
 * The token's standing, its rows read under share locks. The creator's membership is locked
 * BEFORE the token row, the order in which removals and demotions write them (membership, then
 * the creator's tokens), so the two can wait for each other but never deadlock.
 */
async function lockTokenStanding(
  tx: DbTransaction,
  organizationId: string,
  tokenId: string,
): Promise<TokenStanding> {
  const creators = await tx.$queryRaw<{ createdById: string | null }[]>`
    SELECT "createdById" FROM "AdminToken"
    WHERE "id" = ${tokenId} AND "organizationId" = ${organizationId}`;
  const creatorId = creators[0]?.createdById ?? null;
  const memberships = creatorId
    ? await tx.$queryRaw<{ role: Role }[]>`
        SELECT "role" FROM "Membership"
        WHERE "organizationId" = ${organizationId} AND "userId" = ${creatorId}
        FOR SHARE`
    : [];
  const tokens = await tx.$queryRaw<Omit<TokenStandingRow, "creatorRole">[]>`
    SELECT "role", "revokedAt", "expiresAt", "createdById" FROM "AdminToken"
    WHERE "id" = ${tokenId} AND "organizationId" = ${organizationId}
    FOR SHARE`;
  const token = tokens[0];
  // The creator's user may have been deleted between the two reads (createdById set to null).
  const creatorRole = token && token.createdById === creatorId ? memberships[0]?.role : undefined;
  return tokenStanding(token && { ...token, creatorRole: creatorRole ?? null }, new Date());
}

/** The Access for a token whose standing was read, if its effective role is at least `min`. */
function grantToken(
  principal: Extract<Principal, { kind: "admin_token" }>,
  organizationId: string,
  standing: TokenStanding,
  min: Role,
): Access {
  if (!roleAtLeast(standing.role, min)) {
    throw forbidden(
      `This needs the ${min} role or higher; this token acts as ${standing.role} ` +
        "(its own role, capped at its creator's current role).",
    );
  }
  return grant(principal, organizationId, standing.role, min, standing.creatorId);
}

/** The Access for a role found (or not: NOT_FOUND) in the organization, if it is at least `min`. */
function grant(
  principal: Principal,
  organizationId: string,
  role: Role | undefined,
  min: Role,
  standingUserId: string,
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
  const origin = principal.origin ? { origin: principal.origin } : {};
  return { organizationId, role, standingUserId, actor, ...origin };
}
