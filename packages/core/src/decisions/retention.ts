/**
 * Audit retention, run by the worker's daily job: decision records whose retention has passed
 * are deleted from the start of each workspace's chain, in bounded batches (one transaction a
 * batch), and the chain head keeps a signed checkpoint of where the deleted prefix ended. Only a
 * prefix is ever deleted, so the chain still verifies from the checkpoint on; a record past its
 * retention that follows one still kept waits until the records before it go (retention is a
 * promise to keep at least so long, and never a hole in the chain).
 *
 * Expired approval requests go after their own window (SEKUIRE_APPROVAL_RETENTION_DAYS).
 */
import type { Db } from "@sekuire/db";
import { signCheckpoint } from "./checkpoint.js";

export interface RetentionOptions {
  /** the checkpoint key (SEKUIRE_CHECKPOINT_KEY) */
  key: string;
  now?: Date;
  /** records a transaction deletes at most */
  batchSize?: number;
  /** workspaces one run looks at (the next run takes the rest) */
  maxWorkspaces?: number;
  /** expired approval requests are deleted this long after they expired */
  approvalRetentionDays?: number;
}

export interface RetentionReport {
  records: number;
  workspaces: number;
  approvals: number;
}

const DAY_MS = 86_400_000;

export async function enforceRetention(
  db: Db,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  // A platform job across organizations: the unscoped client, each statement scoped by workspace.
  const sql = db.$unscoped;
  const due = await sql.$queryRaw<Array<{ workspaceId: string }>>`
    SELECT DISTINCT "workspaceId" FROM "DecisionLog" WHERE "retentionUntil" < ${now}
    LIMIT ${options.maxWorkspaces ?? 1000}`;
  let records = 0;
  let workspaces = 0;
  for (const { workspaceId } of due) {
    let deleted = 0;
    for (;;) {
      const batch = await pruneBatch(db, workspaceId, now, batchSize, options.key);
      deleted += batch;
      if (batch < batchSize) break;
    }
    records += deleted;
    if (deleted > 0) workspaces += 1;
  }
  const approvals = await sql.approvalRequest.deleteMany({
    where: {
      status: "expired",
      expiresAt: { lt: new Date(now.getTime() - (options.approvalRetentionDays ?? 30) * DAY_MS) },
    },
  });
  return { records, workspaces, approvals: approvals.count };
}

/** One batch of one workspace's expired prefix, deleted with its checkpoint moved; the count. */
async function pruneBatch(
  db: Db,
  workspaceId: string,
  now: Date,
  batchSize: number,
  key: string,
): Promise<number> {
  return db.$unscoped.$transaction(async (tx) => {
    // The head's lock keeps two retention runs from moving one checkpoint at once.
    const heads = await tx.$queryRaw<Array<{ prunedSeq: bigint }>>`
      SELECT "prunedSeq" FROM "DecisionChain" WHERE "workspaceId" = ${workspaceId} FOR UPDATE`;
    const head = heads[0];
    if (!head) return 0;
    const rows = await tx.$queryRaw<Array<{ seq: bigint; hash: string; retentionUntil: Date }>>`
      SELECT "seq", "hash", "retentionUntil" FROM "DecisionLog"
      WHERE "workspaceId" = ${workspaceId} AND "seq" > ${head.prunedSeq}
      ORDER BY "seq" LIMIT ${batchSize}`;
    let last: { seq: bigint; hash: string } | null = null;
    for (const row of rows) {
      if (row.retentionUntil.getTime() >= now.getTime()) break;
      last = row;
    }
    if (!last) return 0;
    const deleted = await tx.$executeRaw`
      DELETE FROM "DecisionLog"
      WHERE "workspaceId" = ${workspaceId} AND "seq" > ${head.prunedSeq} AND "seq" <= ${last.seq}`;
    const signature = signCheckpoint(key, { workspaceId, seq: last.seq, hash: last.hash });
    await tx.$executeRaw`
      UPDATE "DecisionChain" SET "prunedSeq" = ${last.seq}, "prunedHash" = ${last.hash},
        "prunedSignature" = ${signature}, "updatedAt" = now()
      WHERE "workspaceId" = ${workspaceId}`;
    return deleted;
  });
}
