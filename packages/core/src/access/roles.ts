import type { Role } from "@sekuire/db";

export type { Role };

/** owner ⊃ admin ⊃ approver ⊃ viewer. */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  viewer: 1,
  approver: 2,
  admin: 3,
  owner: 4,
};

export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/** The lower of two roles: what a token may do when its creator's standing caps it. */
export function lowerRole(a: Role, b: Role): Role {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}

/** The roles strictly above `role`, e.g. above approver: admin and owner. */
export function rolesAbove(role: Role): Role[] {
  return (Object.keys(ROLE_RANK) as Role[]).filter((r) => ROLE_RANK[r] > ROLE_RANK[role]);
}
