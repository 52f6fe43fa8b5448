/**
 * The rules about owners and admins, in one place so every service applies them the same way:
 * only owners grant, take away or remove the owner and admin roles, and an organization never
 * loses its last owner.
 */
import type { DbTransaction, Role } from "@sekuire/db";
import { AppError, forbidden } from "../errors/index.js";

const PRIVILEGED: ReadonlySet<Role> = new Set(["owner", "admin"]);

/** Owners alone may hand out, take away or remove the owner and admin roles. */
export function assertMayManageRole(callerRole: Role, ...roles: Role[]): void {
  if (callerRole !== "owner" && roles.some((role) => PRIVILEGED.has(role))) {
    throw forbidden("Only an owner can grant, change or remove the owner and admin roles.");
  }
}

/**
 * Makes the transaction the organization's only one changing memberships (role changes,
 * removals, leaving) until it ends. Each of them first locks the caller's own membership
 * (authorizeInTx) and then writes another member's; without this, two admins acting on each
 * other at once would each hold the row the other needs and deadlock.
 */
export async function lockMembershipChanges(
  tx: DbTransaction,
  organizationId: string,
): Promise<void> {
  const key = `sekuire:membership:${organizationId}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Refuses to take the owner role away from `userId` when they are the last owner. The owners'
 * rows are locked first, so two owners demoting each other at once cannot both succeed and
 * leave the organization ownerless.
 */
export async function assertNotLastOwner(
  tx: DbTransaction,
  organizationId: string,
  userId: string,
): Promise<void> {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Membership"
    WHERE "organizationId" = ${organizationId} AND "role" = 'owner'
    FOR UPDATE`;
  if (owners.length <= 1 && owners.some((owner) => owner.userId === userId)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "The last owner cannot leave, be removed or be demoted: make someone else an owner first.",
    );
  }
}
