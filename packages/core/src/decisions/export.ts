/**
 * Exporting decision records (JSON lines, `sekuire.decision/v1`): an organization's records,
 * optionally of one workspace and a time range, oldest first, read in keyset pages so an export
 * of millions streams in constant memory. Reading the decision log is an admin's (as the audit
 * trail is). Authorization and input are checked before the first line, so an HTTP stream can
 * still answer 401/403/404 with its status.
 */
import { DECISION_EXPORT_SCHEMA, type DecisionExportLine } from "@sekuire/contracts";
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { AppError } from "../errors/index.js";
import { dateSchema, idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";

export const exportDecisionsInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws").optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  /** where the previous page ended (from a page's `nextCursor`) */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(500),
});

export type ExportDecisionsInput = z.input<typeof exportDecisionsInput>;

type Row = Awaited<ReturnType<Db["decisionLog"]["findMany"]>>[number];

function lineOf(row: Row): DecisionExportLine {
  return {
    schema: DECISION_EXPORT_SCHEMA,
    id: row.id,
    organizationId: row.organizationId,
    workspaceId: row.workspaceId,
    seq: row.seq.toString(),
    time: row.createdAt.toISOString(),
    agentId: row.agentId,
    apiKeyId: row.apiKeyId,
    requestId: row.requestId,
    action: row.action,
    resource: row.resource,
    decision: row.decision,
    reason: row.reason,
    matched: row.matched ?? null,
    approvalId: row.approvalId,
    context: row.context ?? null,
    details: row.details ?? null,
    latencyUs: row.latencyUs,
    retentionUntil: row.retentionUntil.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

// Records are ordered by time, then by chain position: (workspaceId, seq) is unique, so the
// keyset (createdAt, workspaceId, seq) is a total order and a page never skips or repeats one.
const encodeCursor = (row: Row) =>
  Buffer.from(
    JSON.stringify([row.createdAt.toISOString(), row.workspaceId, row.seq.toString()]),
  ).toString("base64url");

function decodeCursor(cursor: string): { at: Date; workspaceId: string; seq: bigint } {
  try {
    const [at, workspaceId, seq] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [
      string,
      string,
      string,
    ];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof workspaceId !== "string") throw new Error("bad");
    return { at: date, workspaceId, seq: BigInt(seq) };
  } catch {
    throw new AppError("BAD_REQUEST", "The cursor is not one this export gave.", [
      { pointer: "/cursor", message: "Use a page's nextCursor as it came." },
    ]);
  }
}

/** One page: up to `limit` lines and the cursor of the next page (null at the end). */
export async function exportDecisionPage(
  db: Db,
  principal: Principal,
  raw: unknown,
): Promise<{ lines: DecisionExportLine[]; nextCursor: string | null }> {
  const input = parseInput(exportDecisionsInput, raw);
  await authorize(db, principal, input.organizationId, "admin");
  if (input.workspaceId) await findWorkspace(db, input.organizationId, input.workspaceId);
  return readPage(db, input);
}

async function readPage(db: Db, input: z.output<typeof exportDecisionsInput>) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.decisionLog.findMany({
    where: {
      organizationId: input.organizationId,
      ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      createdAt: {
        ...(input.from ? { gte: input.from } : {}),
        ...(input.to ? { lt: input.to } : {}),
      },
      ...(after
        ? {
            OR: [
              { createdAt: { gt: after.at } },
              { createdAt: after.at, workspaceId: { gt: after.workspaceId } },
              { createdAt: after.at, workspaceId: after.workspaceId, seq: { gt: after.seq } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { workspaceId: "asc" }, { seq: "asc" }],
    take: input.limit,
  });
  const last = rows.at(-1);
  return {
    lines: rows.map(lineOf),
    nextCursor: rows.length === input.limit && last ? encodeCursor(last) : null,
  };
}

/** Every line, page by page; checked and authorized before it is returned. */
export async function openDecisionExport(
  db: Db,
  principal: Principal,
  raw: unknown,
): Promise<AsyncIterable<DecisionExportLine>> {
  const first = await exportDecisionPage(db, principal, { ...(raw as object), cursor: undefined });
  const input = parseInput(exportDecisionsInput, raw);
  return (async function* () {
    let page = first;
    for (;;) {
      yield* page.lines;
      if (!page.nextCursor) return;
      page = await readPage(db, { ...input, cursor: page.nextCursor });
    }
  })();
}
