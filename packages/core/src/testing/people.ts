import type { Db, Role } from "@sekuire/db";
import type { Principal } from "../access/index.js";

export type UserPrincipal = Extract<Principal, { kind: "user" }>;
export type TokenPrincipal = Extract<Principal, { kind: "admin_token" }>;

let counter = 0;

/** A user with a unique email (`<tag>-<n>-<random>@example.test`), as a principal. */
export async function createUser(db: Db, tag = "user"): Promise<UserPrincipal> {
  counter += 1;
  const email = `${tag}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await db.user.create({ data: { email, name: tag } });
  return { kind: "user", userId: user.id, label: email };
}

/** A new user who is a member of the organization with this role. */
export async function addMember(
  db: Db,
  organizationId: string,
  role: Role,
  tag: string = role,
): Promise<UserPrincipal> {
  const principal = await createUser(db, tag);
  await db.membership.create({ data: { organizationId, userId: principal.userId, role } });
  return principal;
}

export async function emailOf(db: Db, principal: { userId: string }): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId } });
  return user.email;
}

export function userId(principal: Principal): string {
  if (principal.kind !== "user") throw new Error("not a user principal");
  return principal.userId;
}

/**
 * An admin token principal backed by a live row (writes re-check the row, audit events
 * reference it). Its secret is unknown: use createAdminToken when a test needs one. Its creator
 * is a new member with the same role, since a token acts with at most its creator's role.
 */
export async function createTokenPrincipal(
  db: Db,
  organizationId: string,
  role: Role,
): Promise<TokenPrincipal> {
  const creator = await addMember(db, organizationId, role, `${role}-token-creator`);
  const token = await db.adminToken.create({
    data: {
      organizationId,
      role,
      createdById: creator.userId,
      name: `ci-${role}`,
      prefix: "sek_admin_test",
      lastFour: "abcd",
      secretHash: `hash-${organizationId}-${role}-${Math.random()}`,
    },
  });
  return { kind: "admin_token", tokenId: token.id, organizationId, role, label: token.name };
}
