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
import {
  type AdminTokenView,
  adminTokenSelect,
  toAdminTokenView,
  tokenAuditDetails,
} from "./admin-token-view.js";

/** A token left without an expiry date expires after this many days, as GitHub's do. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export const createAdminTokenInput = z.object({
  organizationId: organizationIdSchema,
  name: nameSchema,
  role: roleSchema,
  /**
   * Left out: DEFAULT_TOKEN_LIFETIME_DAYS from now. `null`: never (an explicit choice, kept
   * because the console offered it before; the token still dies with its creator's membership).
   */
  expiresAt: dateSchema.nullable().optional(),
});
export type CreateAdminTokenInput = z.input<typeof createAdminTokenInput>;

export interface CreatedAdminToken {
  token: AdminTokenView;
  /** `sek_admin_…`: returned here once and never again (only its SHA-256 is stored). */
  secret: string;
}

/**
 * A token for scripts and the CLI. It acts with the role it was given, which can be no higher
 * than its creator's: a token is never a way to gain power. Its creator is the human behind the
 * call, also when a token mints it (the parent token's creator), because the token's power rests
 * on that person's standing (token-standing.ts) and goes when they go.
 */
export async function createAdminToken(
  db: Db,
  principal: Principal,
  input: CreateAdminTokenInput,
  now: Date = new Date(),
): Promise<CreatedAdminToken> {
  const parsed = parseInput(createAdminTokenInput, input);
  const { organizationId, name, role } = parsed;
  const expiresAt =
    parsed.expiresAt === undefined
      ? new Date(now.getTime() + DEFAULT_TOKEN_LIFETIME_DAYS * DAY_MS)
      : parsed.expiresAt;
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
        expiresAt,
        createdById: access.standingUserId,
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
      details: {
        ...tokenAuditDetails({ name, role, prefix, lastFour }),
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return { token: toAdminTokenView(row, now), secret };
  });
}
