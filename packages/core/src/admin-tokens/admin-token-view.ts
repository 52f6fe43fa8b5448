import type { Role } from "@sekuire/db";
import { displaySecret } from "../secrets.js";

/** A token as the console lists it: prefix and last four, never the secret nor its hash. */
export interface AdminTokenView {
  id: string;
  name: string;
  role: Role;
  display: string;
  prefix: string;
  lastFour: string;
  status: "active" | "revoked" | "expired";
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdById: string | null;
  createdAt: Date;
}

export const adminTokenSelect = {
  id: true,
  name: true,
  role: true,
  prefix: true,
  lastFour: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdById: true,
  createdAt: true,
} as const;

type AdminTokenRow = Omit<AdminTokenView, "display" | "status">;

export function adminTokenStatus(
  row: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): AdminTokenView["status"] {
  if (row.revokedAt && row.revokedAt.getTime() <= now.getTime()) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toAdminTokenView(row: AdminTokenRow, now: Date): AdminTokenView {
  return {
    ...row,
    display: displaySecret(row.prefix, row.lastFour),
    status: adminTokenStatus(row, now),
  };
}

/** What every admin_token.* audit event says of the token: never more than its display form. */
export function tokenAuditDetails(row: {
  name: string;
  role: Role;
  prefix: string;
  lastFour: string;
}): { name: string; role: Role; token: string } {
  return { name: row.name, role: row.role, token: displaySecret(row.prefix, row.lastFour) };
}
