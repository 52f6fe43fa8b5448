/**
 * The admin audit trail: every change is recorded in the same transaction as the change itself,
 * so there is never a change without its record, nor a record of a change that rolled back.
 */
import type { DbTransaction } from "@sekuire/db";
import { normalizeOrigin, type RequestOrigin } from "../access/origin.js";

/** Who acted: a signed-in user, an admin token, or the platform itself (jobs, sign-in). */
export type Actor =
  | { kind: "user"; userId: string; label?: string }
  | { kind: "admin_token"; tokenId: string; label?: string }
  | { kind: "system"; label?: string };

export interface AuditEntry {
  organizationId: string;
  actor: Actor;
  /** dotted verb, e.g. `policy.draft_saved`, `member.role_changed` */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  /** where the request came from: services pass `access.origin` (the principal's) */
  origin?: RequestOrigin;
  /** for events without a principal (sign-in records); `origin` wins when both are given */
  ip?: string;
  userAgent?: string;
}

/**
 * Writes one audit event inside the caller's transaction. The origin is checked here (an IP
 * node:net recognises, a user agent of at most 512 characters) whoever the caller is.
 */
export async function recordAudit(tx: DbTransaction, entry: AuditEntry): Promise<void> {
  const { actor } = entry;
  const origin = normalizeOrigin({
    ip: entry.origin?.ip ?? entry.ip,
    userAgent: entry.origin?.userAgent ?? entry.userAgent,
  });
  await tx.adminAuditEvent.create({
    data: {
      organizationId: entry.organizationId,
      actorType: actor.kind,
      actorUserId: actor.kind === "user" ? actor.userId : null,
      actorTokenId: actor.kind === "admin_token" ? actor.tokenId : null,
      actorLabel: actor.label ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: (entry.details ?? undefined) as never,
      ip: origin.ip ?? null,
      userAgent: origin.userAgent ?? null,
    },
  });
}
