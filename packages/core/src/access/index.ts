/**
 * Who may do what in an organization. Roles are read from the database on every call, never
 * trusted from a session, so a removed or demoted member loses access at once.
 * owner ⊃ admin ⊃ approver ⊃ viewer.
 */
import type { Db, Role } from "@sekuire/db";
import type { Actor } from "../audit/index.js";
import { forbidden, notFound } from "../errors/index.js";

export const ROLE_RANK: Readonly<Record<Role, number>> = {
  viewer: 1,
  approver: 2,
  admin: 3,
  owner: 4,
};

export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/** An authenticated caller: a signed-in user, or an admin token already verified by its hash. */
export type Principal =
  | { kind: "user"; userId: string; label?: string }
  | { kind: "admin_token"; tokenId: string; organizationId: string; role: Role; label?: string };

export interface Access {
  organizationId: string;
  role: Role;
  actor: Actor;
}

/**
 * The caller's role in the organization, if at least `min`. An organization the caller does not
 * belong to is NOT_FOUND (its existence is nobody else's business); too low a role is FORBIDDEN.
 */
export async function authorize(
  db: Db,
  principal: Principal,
  organizationId: string,
  min: Role,
): Promise<Access> {
  let role: Role;
  let actor: Actor;
  if (principal.kind === "admin_token") {
    if (principal.organizationId !== organizationId) throw notFound("The organization");
    role = principal.role;
    actor = { kind: "admin_token", tokenId: principal.tokenId, label: principal.label };
  } else {
    const membership = await db.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: principal.userId } },
      select: { role: true },
    });
    if (!membership) throw notFound("The organization");
    role = membership.role;
    actor = { kind: "user", userId: principal.userId, label: principal.label };
  }
  if (!roleAtLeast(role, min))
    throw forbidden(`This needs the ${min} role or higher; you are ${role}.`);
  return { organizationId, role, actor };
}
