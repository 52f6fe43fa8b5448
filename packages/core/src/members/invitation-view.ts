import type { Role } from "@sekuire/db";

/** An invitation as admins see it: never the token, which exists only in the email. */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedById: string | null;
}

export function toInvitationView(row: InvitationView): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    invitedById: row.invitedById,
  };
}
