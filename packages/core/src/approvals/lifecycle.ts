/**
 * What the worker does to approval requests, and what its sweeper looks for. Every step is a
 * conditional update in Postgres (the source of truth), so a job that runs twice, late, or
 * after a Redis flush changes nothing a second time.
 */
import { type Db, Prisma } from "@sekuire/db";
import { recordAudit } from "../audit/index.js";
import { announceApprovalDecided } from "../decisions/announce.js";

export interface ApprovalRef {
  organizationId: string;
  approvalId: string;
}

export type ExpireResult = "expired" | "not_due" | "not_pending";

/**
 * Marks a pending request expired once its time is up, in the admin audit trail as the
 * platform's act; waiting agents hear of it after the commit. `not_due`: the job came early
 * (clocks differ), and is retried.
 */
export async function expireApproval(
  db: Db,
  ref: ApprovalRef,
  now: Date = new Date(),
): Promise<ExpireResult> {
  const result = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Array<{ status: string; expiresAt: Date; workspaceId: string }>
    >`
      SELECT "status", "expiresAt", "workspaceId" FROM "ApprovalRequest"
      WHERE "id" = ${ref.approvalId} AND "organizationId" = ${ref.organizationId} FOR UPDATE`;
    const row = rows[0];
    if (row?.status !== "pending") return "not_pending" as const;
    if (row.expiresAt.getTime() > now.getTime()) return "not_due" as const;
    await tx.approvalRequest.update({
      where: { id: ref.approvalId, organizationId: ref.organizationId },
      data: { status: "expired" },
    });
    await recordAudit(tx, {
      organizationId: ref.organizationId,
      actor: { kind: "system", label: "worker" },
      action: "approval.expired",
      targetType: "approval_request",
      targetId: ref.approvalId,
      details: { workspaceId: row.workspaceId, expiresAt: row.expiresAt.toISOString() },
    });
    return "expired" as const;
  });
  if (result === "expired") announceApprovalDecided(ref.approvalId);
  return result;
}

export interface SweepFindings {
  /** pending and past their time: expire now */
  overdue: ApprovalRef[];
  /**
   * pending and unexpired: their expiry job must exist, and their halfway job until the halfway
   * notices are all out (its delay is 0 once halfway has passed)
   */
  open: Array<ApprovalRef & { createdAt: Date; expiresAt: Date; escalated: boolean }>;
  /** pending, created over `graceMs` ago, first notifications not all out */
  unnotified: ApprovalRef[];
  /** decided or expired in the last day, with a webhook channel not yet told how it ended */
  unresolved: ApprovalRef[];
  /**
   * Where the next sweep's look at open requests starts (null: from the first again). Open
   * requests do not leave the set when swept, so a batch limit alone would check the same
   * first `limit` forever; each sweep goes on where the last stopped, round and round.
   */
  openCursor: string | null;
}

function decodeOpenCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  const [at, id] = (cursor ?? "").split("|");
  const date = new Date(at ?? "");
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

function openCursorOf(row: { expiresAt: Date; approvalId: string } | undefined): string | null {
  return row ? `${row.expiresAt.toISOString()}|${row.approvalId}` : null;
}

/** A resolved request's webhooks are owed for this long; older ones are let go. */
const RESOLVED_WINDOW_MS = 86_400_000;

// Requests with a webhook channel whose resolution (approval.decided / approval.expired) has not
// been delivered: what the sweeper re-queues, and what an announcement of a decision triggers.
const UNRESOLVED = Prisma.sql`"status" <> 'pending'
  AND "channels" @> '[{"type": "webhook"}]'::jsonb
  AND NOT EXISTS (
    SELECT 1 FROM "WebhookDelivery" d
    WHERE d."approvalId" = a."id" AND d."status" = 'sent'
      AND d."event" IN ('approval.decided', 'approval.expired'))`;

/** The request if its resolution is still owed to a webhook (for the worker, unscoped). */
export async function unresolvedWebhook(db: Db, approvalId: string): Promise<ApprovalRef | null> {
  const rows = await db.$unscoped.$queryRaw<ApprovalRef[]>`
    SELECT "organizationId", "id" AS "approvalId" FROM "ApprovalRequest" a
    WHERE "id" = ${approvalId} AND ${UNRESOLVED}`;
  return rows[0] ?? null;
}

/**
 * The sweeper's look across every organization (a platform job: unscoped), at most `limit` of
 * each kind, oldest first, so a backlog drains over successive sweeps.
 */
export async function sweepApprovals(
  db: Db,
  now: Date = new Date(),
  options: { graceMs?: number; limit?: number; openCursor?: string | null } = {},
): Promise<SweepFindings> {
  const limit = options.limit ?? 500;
  const after = decodeOpenCursor(options.openCursor);
  const openAfter = after
    ? Prisma.sql`AND ("expiresAt", "id") > (${after.at}, ${after.id})`
    : Prisma.empty;
  const grace = new Date(now.getTime() - (options.graceMs ?? 30_000));
  const sql = db.$unscoped;
  type Row = ApprovalRef & { createdAt: Date; expiresAt: Date; escalatedAt: Date | null };
  const since = new Date(now.getTime() - RESOLVED_WINDOW_MS);
  const [overdue, open, unnotified, unresolved] = await Promise.all([
    sql.$queryRaw<
      Row[]
    >`SELECT "organizationId", "id" AS "approvalId", "createdAt", "expiresAt", "escalatedAt"
      FROM "ApprovalRequest" WHERE "status" = 'pending' AND "expiresAt" <= ${now}
      ORDER BY "expiresAt" LIMIT ${limit}`,
    sql.$queryRaw<
      Row[]
    >`SELECT "organizationId", "id" AS "approvalId", "createdAt", "expiresAt", "escalatedAt"
      FROM "ApprovalRequest" WHERE "status" = 'pending' AND "expiresAt" > ${now} ${openAfter}
      ORDER BY "expiresAt", "id" LIMIT ${limit}`,
    sql.$queryRaw<
      Row[]
    >`SELECT "organizationId", "id" AS "approvalId", "createdAt", "expiresAt", "escalatedAt"
      FROM "ApprovalRequest" WHERE "status" = 'pending' AND "notifiedAt" IS NULL
        AND "expiresAt" > ${now} AND "createdAt" <= ${grace}
      ORDER BY "createdAt" LIMIT ${limit}`,
    sql.$queryRaw<ApprovalRef[]>`
      SELECT "organizationId", "id" AS "approvalId" FROM "ApprovalRequest" a
      WHERE "updatedAt" > ${since} AND "updatedAt" <= ${grace} AND ${UNRESOLVED}
      ORDER BY "updatedAt" LIMIT ${limit}`,
  ]);
  const ref = (r: Row): ApprovalRef => ({
    organizationId: r.organizationId,
    approvalId: r.approvalId,
  });
  return {
    overdue: overdue.map(ref),
    open: open.map((r) => ({
      ...ref(r),
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      escalated: r.escalatedAt !== null,
    })),
    unnotified: unnotified.map(ref),
    unresolved,
    openCursor: open.length === limit ? openCursorOf(open.at(-1)) : null,
  };
}
