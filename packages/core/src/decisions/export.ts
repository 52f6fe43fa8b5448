/**
 * Exporting decision records (`sekuire.decision/v1`): an organization's records under the
 * explorer's filters (filters.ts), oldest first, read in keyset pages so an export of millions
 * streams in constant memory. Reading the decision log is an admin's (as the audit trail is).
 * Authorization and input are checked before the first line, so an HTTP stream can still answer
 * 401/403/404 with its status.
 */
import type { DecisionExportLine } from "@sekuire/contracts";
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import { afterKey, decodeDecisionCursor, encodeDecisionCursor, keyOrder } from "./cursor.js";
import { decisionFilterFields, decisionWhere, rangeInOrder } from "./filters.js";
import { lineOf } from "./record-line.js";

export const exportDecisionsInput = z
  .object({
    ...decisionFilterFields,
    /** where the previous page ended (from a page's `nextCursor`) */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .superRefine(rangeInOrder);

export type ExportDecisionsInput = z.input<typeof exportDecisionsInput>;
type Parsed = z.output<typeof exportDecisionsInput>;

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

async function readPage(db: Db, input: Parsed) {
  const after = input.cursor ? decodeDecisionCursor(input.cursor) : null;
  const rows = await db.decisionLog.findMany({
    where: { AND: [decisionWhere(input), ...(after ? [afterKey(after, "asc")] : [])] },
    orderBy: keyOrder("asc"),
    take: input.limit,
  });
  const last = rows.at(-1);
  return {
    lines: rows.map(lineOf),
    nextCursor: rows.length === input.limit && last ? encodeDecisionCursor(last) : null,
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
