import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { organizationIdSchema, parseInput } from "../shared/index.js";
import { type InvitationView, toInvitationView } from "./invitation-view.js";

export const listInvitationsInput = z.object({ organizationId: organizationIdSchema });
export type ListInvitationsInput = z.input<typeof listInvitationsInput>;

/** Pending invitations (not accepted, not revoked, not expired), newest first. */
export async function listInvitations(
  db: Db,
  principal: Principal,
  input: ListInvitationsInput,
  now: Date = new Date(),
): Promise<InvitationView[]> {
  const { organizationId } = parseInput(listInvitationsInput, input);
  await authorize(db, principal, organizationId, "admin");
  const rows = await db.invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toInvitationView);
}
