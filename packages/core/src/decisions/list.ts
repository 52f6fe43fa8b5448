/**
 * The decision explorer: an organization's records under the filters (filters.ts), newest
 * first, in keyset pages on the log's (organization[, workspace | agent | decision], time)
 * indexes. Each item is the export's line plus the names of its workspace and agent (null once
 * deleted: records outlive them). Reading decisions is an admin's, as the export is.
 */
import type { DecisionExportLine } from "@sekuire/contracts";
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { notFound } from "../errors/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import { afterKey, decodeDecisionCursor, encodeDecisionCursor, keyOrder } from "./cursor.js";
import { decisionFilterFields, decisionWhere, rangeInOrder } from "./filters.js";
import { type DecisionRow, lineOf } from "./record-line.js";

export const listDecisionsInput = z
  .object({
    ...decisionFilterFields,
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .superRefine(rangeInOrder);

export type ListDecisionsInput = z.input<typeof listDecisionsInput>;

export type DecisionItem = DecisionExportLine & {
  workspaceName: string | null;
  agentName: string | null;
};

export interface DecisionPage {
  items: DecisionItem[];
  /** pass back as `cursor` for the next (older) page; null on the last page */
  nextCursor: string | null;
}

export async function listDecisions(
  db: Db,
  principal: Principal,
  raw: ListDecisionsInput,
): Promise<DecisionPage> {
  const input = parseInput(listDecisionsInput, raw);
  await authorize(db, principal, input.organizationId, "admin");
  if (input.workspaceId) await findWorkspace(db, input.organizationId, input.workspaceId);
  const after = input.cursor ? decodeDecisionCursor(input.cursor) : null;
  const rows = await db.decisionLog.findMany({
    where: { AND: [decisionWhere(input), ...(after ? [afterKey(after, "desc")] : [])] },
    orderBy: keyOrder("desc"),
    take: input.limit + 1,
  });
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    items: await withNames(db, input.organizationId, shown),
    nextCursor: rows.length > input.limit && last ? encodeDecisionCursor(last) : null,
  };
}

export const getDecisionInput = z.object({
  organizationId: organizationIdSchema,
  decisionId: idOf("dec"),
});

/** One record, all its fields; another organization's record is NOT_FOUND like a missing one. */
export async function getDecision(
  db: Db,
  principal: Principal,
  raw: z.input<typeof getDecisionInput>,
): Promise<DecisionItem> {
  const { organizationId, decisionId } = parseInput(getDecisionInput, raw);
  await authorize(db, principal, organizationId, "admin");
  const row = await db.decisionLog.findFirst({ where: { organizationId, id: decisionId } });
  if (!row) throw notFound("The decision record");
  const [item] = await withNames(db, organizationId, [row]);
  return item as DecisionItem;
}

/** The names of the records' workspaces and agents: two queries a page, not two a row. */
async function withNames(
  db: Db,
  organizationId: string,
  rows: DecisionRow[],
): Promise<DecisionItem[]> {
  const [workspaces, agents] = await Promise.all([
    db.workspace.findMany({
      where: { organizationId, id: { in: [...new Set(rows.map((r) => r.workspaceId))] } },
      select: { id: true, name: true },
    }),
    db.agent.findMany({
      where: { organizationId, id: { in: [...new Set(rows.map((r) => r.agentId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const workspaceNames = new Map(workspaces.map((w) => [w.id, w.name]));
  const agentNames = new Map(agents.map((a) => [a.id, a.name]));
  return rows.map((row) => ({
    ...lineOf(row),
    workspaceName: workspaceNames.get(row.workspaceId) ?? null,
    agentName: agentNames.get(row.agentId) ?? null,
  }));
}
