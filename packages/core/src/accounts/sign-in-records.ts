/**
 * Sign-in records: a SignInAttempt row for every attempt (throttling), and for a known user an
 * event in the admin audit trail of each organization they belong to.
 */
import type { Db, DbTransaction } from "@sekuire/db";
import { recordAudit } from "../audit/index.js";

export interface SignInRecord {
  email: string;
  ip: string | null;
  userAgent?: string | null;
  success: boolean;
  /** Why it failed (bad_password, unknown_user, throttled, no_password); null on success. */
  reason?: string | null;
  /** The known user, if any; unknown emails get only the SignInAttempt. */
  userId?: string | null;
  method: "password" | "email";
}

export async function recordSignIn(db: Db, record: SignInRecord): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({
      data: {
        email: record.email,
        ip: record.ip,
        success: record.success,
        reason: record.success ? null : (record.reason ?? "failed"),
      },
    });
    if (!record.userId) return;
    await recordUserEvent(tx, {
      userId: record.userId,
      email: record.email,
      action: record.success ? "auth.sign_in" : "auth.sign_in_failed",
      details: {
        method: record.method,
        ...(record.success ? {} : { reason: record.reason ?? "failed" }),
      },
      ip: record.ip,
      userAgent: record.userAgent ?? null,
    });
  });
}

export interface UserEvent {
  userId: string;
  email: string;
  action: string;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

/**
 * An event about a person's account (sign-in, password change) belongs to no one organization:
 * it goes to the audit trail of each organization they are a member of.
 */
export async function recordUserEvent(tx: DbTransaction, event: UserEvent): Promise<void> {
  const memberships = await tx.membership.findMany({
    where: { userId: event.userId },
    select: { organizationId: true },
  });
  for (const { organizationId } of memberships) {
    await recordAudit(tx, {
      organizationId,
      actor: { kind: "user", userId: event.userId, label: event.email },
      action: event.action,
      targetType: "user",
      targetId: event.userId,
      details: event.details,
      ...(event.ip ? { ip: event.ip } : {}),
      ...(event.userAgent ? { userAgent: event.userAgent } : {}),
    });
  }
}
