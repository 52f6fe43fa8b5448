/**
 * Writing decision records durably, fast: group commit. Each `append` resolves only once its
 * record is committed; records that arrive while a transaction is in flight wait and go together
 * in the next one, so throughput grows with concurrency without ever holding a record only in
 * memory past its answer. Each transaction locks the chain heads of the workspaces it appends to
 * (in id order, so two processes never deadlock), numbers the records and chains their hashes.
 */
import { type Db, newId } from "@sekuire/db";
import { type HashedFields, recordHash } from "./record-hash.js";

export interface DecisionRecordInput {
  /** the decision's id, when the caller named it before writing (the API answers with it) */
  id?: string;
  organizationId: string;
  workspaceId: string;
  agentId: string;
  apiKeyId: string | null;
  requestId: string | null;
  action: string;
  resource: string | null;
  decision: "Allow" | "Deny" | "RequireApproval";
  reason: string | null;
  matched: unknown;
  approvalId: string | null;
  context: unknown;
  details: unknown;
  latencyUs: number | null;
  retentionDays: number;
  createdAt: Date;
}

export interface AppendedRecord {
  id: string;
  seq: bigint;
  hash: string;
}

/** Where decisions are recorded: Postgres here; the CLI's local server writes a file. */
export interface DecisionLogSink {
  append(record: DecisionRecordInput): Promise<AppendedRecord>;
  /** Resolves when every record appended so far is committed (graceful shutdown). */
  flush(): Promise<void>;
}

interface Pending {
  record: DecisionRecordInput;
  resolve: (appended: AppendedRecord) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** the most records one transaction takes */
  maxBatch?: number;
  /** called with each committed batch's size (metrics) */
  onBatch?: (size: number) => void;
}

const DAY_MS = 86_400_000;

/** A new decision id, named before the record is written so the answer can carry it. */
export function newDecisionId(): string {
  return newId("dec");
}

export class GroupCommitLog implements DecisionLogSink {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private readonly maxBatch: number;

  constructor(
    private readonly db: Db,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
  }

  append(record: DecisionRecordInput): Promise<AppendedRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.running ??= this.drain();
    });
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const appended = await writeBatch(
            this.db,
            batch.map((p) => p.record),
          );
          for (const [i, p] of batch.entries()) p.resolve(appended[i] as AppendedRecord);
          this.options.onBatch?.(batch.length);
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}

interface ChainHead {
  workspaceId: string;
  seq: bigint;
  lastHash: string | null;
}

/** One transaction: lock the chain heads, number and hash the records, insert, move the heads. */
export async function writeBatch(
  db: Db,
  records: readonly DecisionRecordInput[],
): Promise<AppendedRecord[]> {
  const workspaces = [...new Map(records.map((r) => [r.workspaceId, r.organizationId]))].sort(
    ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
  );
  return db.$unscoped.$transaction(async (tx) => {
    for (const [workspaceId, organizationId] of workspaces)
      await tx.$executeRaw`INSERT INTO "DecisionChain" ("workspaceId", "organizationId", "updatedAt")
        VALUES (${workspaceId}, ${organizationId}, now()) ON CONFLICT ("workspaceId") DO NOTHING`;
    const ids = workspaces.map(([id]) => id);
    const heads = await tx.$queryRaw<ChainHead[]>`SELECT "workspaceId", "seq", "lastHash"
      FROM "DecisionChain" WHERE "workspaceId" = ANY(${ids}) ORDER BY "workspaceId" FOR UPDATE`;
    const head = new Map(heads.map((h) => [h.workspaceId, { ...h, seq: BigInt(h.seq) }]));
    const rows: Array<HashedFields & { hash: string }> = [];
    for (const r of records) {
      const chain = head.get(r.workspaceId) as ChainHead;
      const fields: HashedFields = {
        id: r.id ?? newId("dec"),
        organizationId: r.organizationId,
        workspaceId: r.workspaceId,
        agentId: r.agentId,
        apiKeyId: r.apiKeyId,
        requestId: r.requestId,
        seq: chain.seq + 1n,
        action: r.action,
        resource: r.resource,
        decision: r.decision,
        reason: r.reason,
        matched: r.matched ?? null,
        approvalId: r.approvalId,
        context: r.context ?? null,
        details: r.details ?? null,
        latencyUs: r.latencyUs,
        retentionUntil: new Date(r.createdAt.getTime() + r.retentionDays * DAY_MS),
        createdAt: r.createdAt,
        prevHash: chain.lastHash,
      };
      const hash = recordHash(fields);
      rows.push({ ...fields, hash });
      chain.seq = fields.seq;
      chain.lastHash = hash;
    }
    await tx.decisionLog.createMany({ data: rows.map(toRow) });
    for (const [workspaceId] of workspaces) {
      const chain = head.get(workspaceId) as ChainHead;
      await tx.$executeRaw`UPDATE "DecisionChain" SET "seq" = ${chain.seq}, "lastHash" = ${chain.lastHash},
        "updatedAt" = now() WHERE "workspaceId" = ${workspaceId}`;
    }
    return rows.map((r) => ({ id: r.id, seq: r.seq, hash: r.hash }));
  });
}

function toRow(r: HashedFields & { hash: string }) {
  const json = (value: unknown) => (value === null ? undefined : (value as object));
  return {
    ...r,
    decision: r.decision as DecisionRecordInput["decision"],
    matched: json(r.matched),
    context: json(r.context),
    details: json(r.details),
  };
}
