/**
 * Checks a workspace's decision chain: every record's hash recomputed from its fields, each
 * pointing at the one before, numbers without gaps. Reports the first broken link. When
 * retention has deleted the chain's start, verification starts after its signed checkpoint
 * (checkpoint.ts); a checkpoint whose signature does not hold is itself the break.
 */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import { checkpointHolds, checkpointKeyFromEnv } from "./checkpoint.js";
import { recordHash } from "./record-hash.js";

export const verifyChainInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
});

export type ChainProblem = "hash" | "link" | "gap" | "checkpoint";

export type ChainReport =
  | { ok: true; records: number; prunedThrough?: string }
  | {
      ok: false;
      records: number;
      prunedThrough?: string;
      /** the first record that does not hold (or the checkpoint, when its signature does not) */
      brokenAt: { seq: string; id: string | null; problem: ChainProblem };
    };

const PAGE = 1000;

export async function verifyChain(
  db: Db,
  principal: Principal,
  raw: unknown,
  options: { checkpointKey?: string | null } = {},
): Promise<ChainReport> {
  const { organizationId, workspaceId } = parseInput(verifyChainInput, raw);
  await authorize(db, principal, organizationId, "viewer");
  // Another organization's workspace (or none) is NOT_FOUND, never an empty, valid chain.
  await findWorkspace(db, organizationId, workspaceId);
  const head = await db.decisionChain.findFirst({
    where: { organizationId, workspaceId },
    select: { seq: true, lastHash: true, prunedSeq: true, prunedHash: true, prunedSignature: true },
  });
  let expectedSeq = 1n;
  let prevHash: string | null = null;
  let checked = 0;
  const pruned = head && head.prunedSeq > 0n ? head.prunedSeq.toString() : undefined;
  if (head && pruned) {
    const key =
      options.checkpointKey === undefined ? checkpointKeyFromEnv() : options.checkpointKey;
    const checkpoint = { workspaceId, seq: head.prunedSeq, hash: head.prunedHash ?? "" };
    if (!key || !head.prunedSignature || !checkpointHolds(key, checkpoint, head.prunedSignature))
      return {
        ok: false,
        records: 0,
        prunedThrough: pruned,
        brokenAt: { seq: pruned, id: null, problem: "checkpoint" },
      };
    expectedSeq = head.prunedSeq + 1n;
    prevHash = head.prunedHash;
  }
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
        ...(pruned ? { prunedThrough: pruned } : {}),
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
  if (head && (head.seq !== expectedSeq - 1n || head.lastHash !== prevHash))
    return {
      ok: false,
      records: checked,
      ...(pruned ? { prunedThrough: pruned } : {}),
      brokenAt: { seq: expectedSeq.toString(), id: null, problem: "gap" },
    };
  return { ok: true, records: checked, ...(pruned ? { prunedThrough: pruned } : {}) };
}
