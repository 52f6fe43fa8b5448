/**
 * Checks a workspace's decision chain: every record's hash recomputed from its fields, each
 * pointing at the one before, numbers without gaps. Reports the first broken link.
 */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import { recordHash } from "./record-hash.js";

export const verifyChainInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
});

export type ChainReport =
  | { ok: true; records: number }
  | {
      ok: false;
      records: number;
      /** the first record that does not hold */
      brokenAt: { seq: string; id: string | null; problem: "hash" | "link" | "gap" };
    };

const PAGE = 1000;

export async function verifyChain(
  db: Db,
  principal: Principal,
  raw: unknown,
): Promise<ChainReport> {
  const { organizationId, workspaceId } = parseInput(verifyChainInput, raw);
  await authorize(db, principal, organizationId, "viewer");
  // Another organization's workspace (or none) is NOT_FOUND, never an empty, valid chain.
  await findWorkspace(db, organizationId, workspaceId);
  let expectedSeq = 1n;
  let prevHash: string | null = null;
  let checked = 0;
  for (;;) {
    const rows = await db.decisionLog.findMany({
      where: { organizationId, workspaceId, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: PAGE,
    });
    for (const row of rows) {
      const broken = (problem: "hash" | "link" | "gap") => ({
        ok: false as const,
        records: checked,
        brokenAt: { seq: expectedSeq.toString(), id: problem === "gap" ? null : row.id, problem },
      });
      if (row.seq !== expectedSeq) return broken("gap");
      if (row.prevHash !== prevHash) return broken("link");
      const { hash, ...fields } = row;
      if (recordHash(fields) !== hash) return broken("hash");
      prevHash = hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < PAGE) break;
  }
  // The head must agree with the last record: deleting the newest records is a break too.
  const head = await db.decisionChain.findFirst({
    where: { organizationId, workspaceId },
    select: { seq: true, lastHash: true },
  });
  if (head && (head.seq !== expectedSeq - 1n || head.lastHash !== prevHash))
    return {
      ok: false,
      records: checked,
      brokenAt: { seq: expectedSeq.toString(), id: null, problem: "gap" },
    };
  return { ok: true, records: checked };
}
