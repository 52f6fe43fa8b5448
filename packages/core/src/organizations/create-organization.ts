import type { Db, DbTransaction } from "@sekuire/db";
import { z } from "zod";
import type { Principal, RequestOrigin } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { forbidden } from "../errors/index.js";
import { nameSchema, parseInput } from "../shared/index.js";
import type { OrganizationView } from "./organization-view.js";

export const createOrganizationInput = z.object({ name: nameSchema });
export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

/**
 * Sign-up, or a signed-in user starting another organization: the organization and its first
 * owner are created together, so an organization never exists without someone who can run it.
 */
export async function createOrganization(
  db: Db,
  principal: Principal,
  input: CreateOrganizationInput,
): Promise<OrganizationView> {
  // An admin token belongs to one organization and cannot found another.
  if (principal.kind !== "user")
    throw forbidden("Only a signed-in user can create an organization.");
  const { name } = parseInput(createOrganizationInput, input);
  return db.$transaction((tx) => foundOrganization(tx, principal, name));
}

/** The organization with `principal` as its owner and the audit event, in the caller's transaction. */
export async function foundOrganization(
  tx: DbTransaction,
  principal: { userId: string; label?: string; origin?: RequestOrigin },
  name: string,
): Promise<OrganizationView> {
  const organization = await tx.organization.create({ data: { name } });
  await tx.membership.create({
    data: { organizationId: organization.id, userId: principal.userId, role: "owner" },
  });
  await recordAudit(tx, {
    organizationId: organization.id,
    actor: { kind: "user", userId: principal.userId, label: principal.label },
    origin: principal.origin,
    action: "organization.created",
    targetType: "organization",
    targetId: organization.id,
    details: { name },
  });
  return {
    id: organization.id,
    name: organization.name,
    requireFourEyes: organization.requireFourEyes,
    role: "owner",
    createdAt: organization.createdAt,
  };
}
