/**
 * Sign-in records: a SignInAttempt row for every attempt (throttling), and for a known user an
 * event in the admin audit trail of each organization they belong to.
 */
import { recordAudit } from "@sekuire/core/audit";
import type { Db } from "@sekuire/db";

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
    const memberships = await tx.membership.findMany({
      where: { userId: record.userId },
      select: { organizationId: true },
    });
    for (const { organizationId } of memberships) {
      await recordAudit(tx, {
        organizationId,
        actor: { kind: "user", userId: record.userId, label: record.email },
        action: record.success ? "auth.sign_in" : "auth.sign_in_failed",
        targetType: "user",
        targetId: record.userId,
        details: {
          method: record.method,
          ...(record.success ? {} : { reason: record.reason ?? "failed" }),
        },
        ...(record.ip ? { ip: record.ip } : {}),
        ...(record.userAgent ? { userAgent: record.userAgent } : {}),
      });
    }
  });
}
