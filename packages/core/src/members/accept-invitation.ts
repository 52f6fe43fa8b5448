import type { Db, Role } from "@sekuire/db";
import { z } from "zod";
import type { Principal } from "../access/index.js";
import { recordAudit } from "../audit/index.js";
import { AppError, forbidden, notFound } from "../errors/index.js";
import { hashSecret } from "../secrets.js";
import { parseInput } from "../shared/index.js";

export const acceptInvitationInput = z.object({ token: z.string().min(1).max(200) });
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;

export interface AcceptedInvitation {
  organizationId: string;
  role: Role;
}

/**
 * A signed-in user accepts an invitation from its link. The invitation must be addressed to the
 * user's own email (a forwarded link does not let someone else in), unexpired, unrevoked and
 * unused; it is consumed by a conditional update, so two clicks cannot both join.
 */
export async function acceptInvitation(
  db: Db,
  principal: Principal,
  input: AcceptInvitationInput,
  now: Date = new Date(),
): Promise<AcceptedInvitation> {
  const { token } = parseInput(acceptInvitationInput, input);
  if (principal.kind !== "user") throw forbidden("Only a signed-in user can accept an invitation.");
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!invitation) throw notFound("The invitation");
  const user = await db.user.findUnique({ where: { id: principal.userId } });
  if (!user || user.email.toLowerCase() !== invitation.email) {
    throw forbidden("This invitation was sent to another email address.");
  }
  assertUsable(invitation, now);
  const { organizationId, role } = invitation;
  return db.$transaction(async (tx) => {
    const consumed = await tx.invitation.updateMany({
      where: {
        organizationId,
        id: invitation.id,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      data: { acceptedAt: now, acceptedById: user.id },
    });
    if (consumed.count !== 1) {
      throw new AppError("PRECONDITION_FAILED", "This invitation has already been used.");
    }
    const existing = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: user.id } },
    });
    if (existing) throw new AppError("CONFLICT", "You are already a member of this organization.");
    await tx.membership.create({ data: { organizationId, userId: user.id, role } });
    await recordAudit(tx, {
      organizationId,
      actor: { kind: "user", userId: user.id, label: principal.label ?? user.email },
      origin: principal.origin,
      action: "member.joined",
      targetType: "invitation",
      targetId: invitation.id,
      details: { email: user.email, role },
    });
    return { organizationId, role };
  });
}

function assertUsable(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): void {
  if (invitation.acceptedAt) {
    throw new AppError("PRECONDITION_FAILED", "This invitation has already been used.");
  }
  if (invitation.revokedAt) {
    throw new AppError("PRECONDITION_FAILED", "This invitation was revoked.");
  }
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("PRECONDITION_FAILED", "This invitation has expired: ask for a new one.");
  }
}
