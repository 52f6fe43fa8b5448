import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal, roleAtLeast } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError, forbidden } from "../errors/index.js";
import { generateSecret } from "../secrets.js";
import {
  dateSchema,
  nameSchema,
  organizationIdSchema,
  parseInput,
  roleSchema,
} from "../shared/index.js";
import { type AdminTokenView, adminTokenSelect, toAdminTokenView } from "./admin-token-view.js";

export const createAdminTokenInput = z.object({
  organizationId: organizationIdSchema,
  name: nameSchema,
  role: roleSchema,
  /** No expiry when left out. */
  expiresAt: dateSchema.optional(),
});
export type CreateAdminTokenInput = z.input<typeof createAdminTokenInput>;

export interface CreatedAdminToken {
  token: AdminTokenView;
  /** `sek_admin_…`: returned here once and never again (only its SHA-256 is stored). */
  secret: string;
}

/**
 * A token for scripts and the CLI. It acts with the role it was given, which can be no higher
 * than its creator's: a token is never a way to gain power.
 */
export async function createAdminToken(
  db: Db,
  principal: Principal,
  input: CreateAdminTokenInput,
  now: Date = new Date(),
): Promise<CreatedAdminToken> {
  const { organizationId, name, role, expiresAt } = parseInput(createAdminTokenInput, input);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new AppError("BAD_REQUEST", "The input is not valid.", [
      { pointer: "/expiresAt", message: "Must be in the future." },
    ]);
  }
  const { secret, hash, prefix, lastFour } = generateSecret("admin");
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    if (!roleAtLeast(access.role, role)) {
      throw forbidden(`A token cannot have a higher role than yours (${access.role}).`);
    }
    const row = await tx.adminToken.create({
      data: {
        organizationId,
        name,
        role,
        prefix,
        lastFour,
        secretHash: hash,
        expiresAt: expiresAt ?? null,
        createdById: principal.kind === "user" ? principal.userId : null,
      },
      select: adminTokenSelect,
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "admin_token.created",
      targetType: "admin_token",
      targetId: row.id,
      details: { name, role, token: `${prefix}…${lastFour}` },
    });
    return { token: toAdminTokenView(row, now), secret };
  });
}
