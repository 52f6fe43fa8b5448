import { randomBytes } from "node:crypto";
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorizeInTx, type Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError } from "../errors/index.js";
import { hashSecret } from "../secrets.js";
import { emailSchema, organizationIdSchema, parseInput, roleSchema } from "../shared/index.js";
import { type InvitationView, toInvitationView } from "./invitation-view.js";
import { assertMayManageRole } from "./role-rules.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export const createInvitationInput = z.object({
  organizationId: organizationIdSchema,
  email: emailSchema,
  role: roleSchema,
  /** How long the link stays valid; a week unless said otherwise. */
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

export interface CreatedInvitation {
  invitation: InvitationView;
  /** The token for the email link: returned once, stored only as its SHA-256. */
  token: string;
}

/**
 * Invites an email address with a role. A newer invitation to the same address replaces the
 * pending one (it is revoked), so "resend" never leaves two live links with different roles.
 */
export async function createInvitation(
  db: Db,
  principal: Principal,
  input: CreateInvitationInput,
  now: Date = new Date(),
): Promise<CreatedInvitation> {
  const { organizationId, email, role, expiresInDays } = parseInput(createInvitationInput, input);
  // 256 random bits: a fast hash is enough, and the token can be looked up by it.
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    const access = await authorizeInTx(tx, principal, organizationId, "admin");
    assertMayManageRole(access.role, role);
    const existing = await tx.membership.findFirst({
      where: { organizationId, user: { email } },
      select: { id: true },
    });
    if (existing) {
      throw new AppError("CONFLICT", `${email} is already a member.`, [
        { pointer: "/email", message: "Already a member of this organization." },
      ]);
    }
    await tx.invitation.updateMany({
      where: { organizationId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.invitation.create({
      data: {
        organizationId,
        email,
        role,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
        invitedById: principal.kind === "user" ? principal.userId : null,
      },
    });
    await recordAudit(tx, {
      organizationId,
      actor: access.actor,
      origin: access.origin,
      action: "member.invited",
      targetType: "invitation",
      targetId: invitation.id,
      details: { email, role, expiresAt: invitation.expiresAt.toISOString() },
    });
    return { invitation: toInvitationView(invitation), token };
  });
}
