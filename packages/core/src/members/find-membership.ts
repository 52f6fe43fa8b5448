import type { DbTransaction } from "@sekuire/db";
import { notFound } from "../errors/index.js";

/** A member of this organization, with their email for the audit trail; NOT_FOUND otherwise. */
export async function findMembership(tx: DbTransaction, organizationId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    include: { user: { select: { email: true, name: true } } },
  });
  if (!membership) throw notFound("The member");
  return membership;
}
