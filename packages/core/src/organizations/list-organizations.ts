import type { Db } from "@sekuire/db";
import { authorize, type Principal } from "../access/index.js";
import type { OrganizationView } from "./organization-view.js";

/**
 * The organizations the caller belongs to (the console's switcher), oldest membership first.
 * An admin token sees only its own organization, with the role it acts with there (capped at its
 * creator's current role; refused once the creator has left).
 */
export async function listOrganizations(db: Db, principal: Principal): Promise<OrganizationView[]> {
  if (principal.kind === "admin_token") {
    const { role } = await authorize(db, principal, principal.organizationId, "viewer");
    const organization = await db.organization.findUnique({
      where: { id: principal.organizationId },
    });
    if (!organization) return [];
    return [
      {
        id: organization.id,
        name: organization.name,
        requireFourEyes: organization.requireFourEyes,
        role,
        createdAt: organization.createdAt,
      },
    ];
  }
  const memberships = await db.membership.findMany({
    where: { userId: principal.userId },
    include: { organization: true },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map(({ organization, role }) => ({
    id: organization.id,
    name: organization.name,
    requireFourEyes: organization.requireFourEyes,
    role,
    createdAt: organization.createdAt,
  }));
}
