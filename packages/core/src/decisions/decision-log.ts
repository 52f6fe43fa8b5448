/**
 * Writing decision records durably, fast: group commit. Each `append` resolves only once its
 * record is committed; records that arrive while a transaction is in flight wait and go together
 * in the next one, so throughput grows with concurrency without ever holding a record only in
 * memory past its answer. Each transaction locks the chain heads of the workspaces it appends to
 * (in id order, so two processes never deadlock), numbers the records and chains their hashes.
 * One writer at a time is the default: on the bench, a second one in flight only queued on the
 * chain heads' locks and made each transaction slower.
 */
import { newId, type SqlClient, type SqlPool } from "@sekuire/db";
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
  /**
   * how many transactions may be in flight at once (default 1; Postgres orders them by the
   * chain heads' row locks, so more only help when the records span many workspaces)
   */
  concurrency?: number;
  /** called with each committed batch's size and how long its transaction took (metrics) */
  onBatch?: (size: number, seconds: number) => void;
}

const DAY_MS = 86_400_000;

/** A new decision id, named before the record is written so the answer can carry it. */
export function newDecisionId(): string {
  return newId("dec");
}

export class GroupCommitLog implements DecisionLogSink {
  private queue: Pending[] = [];
  /** writers running; counted synchronously, so an append never finds one that has just quit */
  private active = 0;
  private readonly idle: Array<() => void> = [];
  private readonly maxBatch: number;
  private readonly concurrency: number;

  /** `pool`: best a pool of its own in pipeline mode (`createDecisionLogPool`); any pool works. */
  constructor(
    private readonly pool: SqlPool,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.concurrency = options.concurrency ?? 1;
  }

  append(record: DecisionRecordInput): Promise<AppendedRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      if (this.active < this.concurrency) {
        this.active += 1;
        void this.write();
      }
    });
  }

  async flush(): Promise<void> {
    while (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /**
   * One writer: takes what is queued as one batch, commits it, and goes on while any is left,
   * on one connection held for the run (a checkout a batch cost a millisecond under load).
   */
  private async write(): Promise<void> {
    let client: SqlClient | undefined;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        const started = performance.now();
        try {
          client ??= await this.pool.connect();
          const appended = await writeBatchOn(
            client,
            batch.map((p) => p.record),
          );
          for (const [i, p] of batch.entries()) p.resolve(appended[i] as AppendedRecord);
          this.options.onBatch?.(batch.length, (performance.now() - started) / 1000);
        } catch (error) {
          for (const p of batch) p.reject(error);
          // The connection may be what failed: destroy it rather than pool it.
          client?.release(true);
          client = undefined;
        }
      }
    } finally {
      // No await between the last look at the queue and here: see `active`.
      this.active -= 1;
      client?.release();
      if (this.active === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }
}

interface ChainHead {
  workspaceId: string;
  seq: bigint;
  lastHash: string | null;
}

// The rows travel as one JSON parameter, read back by json_to_recordset: one native
// JSON.stringify instead of a text array a column, and the same statement text at any size.
const RECORD_TYPES = `id text, "organizationId" text, "workspaceId" text, "agentId" text,
  "apiKeyId" text, "requestId" text, seq bigint, action text, resource text,
  decision "Decision", reason text, matched jsonb, "approvalId" text, context jsonb,
  details jsonb, "latencyUs" integer, "prevHash" text, hash text,
  "retentionUntil" timestamptz, "createdAt" timestamptz`;
type Row = HashedFields & { hash: string };

const COLUMNS = RECORD_TYPES.split(",").map((column) => column.trim().split(" ")[0]);

const ENSURE_HEADS = `INSERT INTO "DecisionChain" ("workspaceId", "organizationId", "updatedAt")
  SELECT w, o, now() FROM unnest($1::text[], $2::text[]) AS t(w, o) ORDER BY w
  ON CONFLICT ("workspaceId") DO NOTHING`;
const LOCK_HEADS = `SELECT "workspaceId", "seq", "lastHash" FROM "DecisionChain"
  WHERE "workspaceId" = ANY($1::text[]) ORDER BY "workspaceId" FOR UPDATE`;
// The heads move in the same statement as the insert (a data-modifying CTE).
const INSERT_AND_MOVE_HEADS = `WITH inserted AS (
  INSERT INTO "DecisionLog" (${COLUMNS.join(", ")})
  SELECT ${COLUMNS.join(", ")} FROM json_to_recordset($1::json) AS r(${RECORD_TYPES})
)
UPDATE "DecisionChain" AS c SET "seq" = h.seq, "lastHash" = h.hash, "updatedAt" = now()
FROM unnest($2::text[], $3::bigint[], $4::text[]) AS h(workspace, seq, hash)
WHERE c."workspaceId" = h.workspace`;

/**
 * One transaction (Prisma's interactive transactions cost about 10 ms each, the bench's
 * bottleneck, so this is SQL on a pg pool): make sure each chain head exists, lock the heads in
 * workspace order (so two writers never deadlock), number and hash the records, then insert
 * them and move the heads in one statement. On a pool in pipeline mode the statements before
 * and after the hashing each go out together: two round trips a batch.
 */
export async function writeBatch(
  pool: SqlPool,
  records: readonly DecisionRecordInput[],
): Promise<AppendedRecord[]> {
  const client = await pool.connect();
  let failed = true;
  try {
    const appended = await writeBatchOn(client, records);
    failed = false;
    return appended;
  } finally {
    client.release(failed);
  }
}

/** `writeBatch` on a connection the caller holds; rolled back when it fails. */
export async function writeBatchOn(
  client: SqlClient,
  records: readonly DecisionRecordInput[],
): Promise<AppendedRecord[]> {
  const workspaces = [...new Map(records.map((r) => [r.workspaceId, r.organizationId]))].sort(
    ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const ids = workspaces.map(([id]) => id);
  let failed = true;
  try {
    const [, , heads] = await together(client, [
      ["BEGIN"],
      [ENSURE_HEADS, [ids, workspaces.map(([, organizationId]) => organizationId)]],
      [LOCK_HEADS, [ids]],
    ]);
    const locked = (heads?.rows ?? []) as Array<{
      workspaceId: string;
      seq: string;
      lastHash: string | null;
    }>;
    const head = new Map<string, ChainHead>(
      locked.map((h) => [h.workspaceId, { ...h, seq: BigInt(h.seq) }]),
    );
    const rows = records.map((r) => chained(r, head.get(r.workspaceId) as ChainHead));
    const moved = ids.map((id) => head.get(id) as ChainHead);
    await together(client, [
      [
        INSERT_AND_MOVE_HEADS,
        [
          JSON.stringify(rows.map((r) => ({ ...r, seq: r.seq.toString() }))),
          ids,
          moved.map((h) => h.seq.toString()),
          moved.map((h) => h.lastHash),
        ],
      ],
      ["COMMIT"],
    ]);
    failed = false;
    return rows.map((r) => ({ id: r.id, seq: r.seq, hash: r.hash }));
  } finally {
    if (failed) await client.query("ROLLBACK").catch(() => undefined);
  }
}

/**
 * Statements in order: sent together on a connection in pipeline mode, one after another on
 * any other (pg deprecates queueing a query on a busy connection in its default mode).
 */
async function together(
  client: SqlClient,
  statements: Array<[string, unknown[]?]>,
): Promise<Array<{ rows: unknown[] }>> {
  if ((client as SqlClient & { pipeline?: boolean }).pipeline)
    return Promise.all(statements.map(([text, values]) => client.query(text, values)));
  const results: Array<{ rows: unknown[] }> = [];
  for (const [text, values] of statements) results.push(await client.query(text, values));
  return results;
}

/** The record numbered after its chain's head and hashed over the head's hash; moves the head. */
function chained(r: DecisionRecordInput, chain: ChainHead): Row {
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
  chain.seq = fields.seq;
  chain.lastHash = hash;
  return { ...fields, hash };
}
