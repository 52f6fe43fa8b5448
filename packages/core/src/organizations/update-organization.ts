import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { forbidden } from "../errors/index.js";
import { nameSchema, organizationIdSchema, parseInput } from "../shared/index.js";
import type { OrganizationView } from "./organization-view.js";

export const updateOrganizationInput = z
  .object({
    organizationId: organizationIdSchema,
    name: nameSchema.optional(),
    requireFourEyes: z.boolean().optional(),
  })
  .refine((v) => v.name !== undefined || v.requireFourEyes !== undefined, {
    message: "Nothing to change: give a name or requireFourEyes.",
  });
export type UpdateOrganizationInput = z.input<typeof updateOrganizationInput>;

/**
 * Renames the organization (admins) or switches four-eyes publishing (owners only: turning it
 * off removes a safeguard the other admins rely on).
 */
export async function updateOrganization(
  db: Db,
  principal: Principal,
  input: UpdateOrganizationInput,
): Promise<OrganizationView> {
  const { organizationId, name, requireFourEyes } = parseInput(updateOrganizationInput, input);
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    if (requireFourEyes !== undefined && access.role !== "owner") {
      throw forbidden("Only an owner can change four-eyes publishing.");
    }
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const organization = await tx.organization.update({
      where: { id: organizationId },
      data: { name, requireFourEyes },
    });
    if (name !== undefined && name !== before.name) {
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "organization.renamed",
        targetType: "organization",
        targetId: organizationId,
        details: { from: before.name, to: name },
      });
    }
    if (requireFourEyes !== undefined && requireFourEyes !== before.requireFourEyes) {
      await recordAudit(tx, {
        organizationId,
        actor: access.actor,
        origin: access.origin,
        action: "organization.four_eyes_changed",
        targetType: "organization",
        targetId: organizationId,
        details: { requireFourEyes },
      });
    }
    return {
      id: organization.id,
      name: organization.name,
      requireFourEyes: organization.requireFourEyes,
      role: access.role,
      createdAt: organization.createdAt,
    };
  });
}

/** Renaming, the common case, spelled as such. */
export function renameOrganization(
  db: Db,
  principal: Principal,
  input: { organizationId: string; name: string },
): Promise<OrganizationView> {
  return updateOrganization(db, principal, input);
}
