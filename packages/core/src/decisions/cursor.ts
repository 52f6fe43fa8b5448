/**
 * The decision log's keyset: (createdAt, workspaceId, seq). (workspaceId, seq) is unique, so it
 * is a total order and a page never skips or repeats a record, whichever way it is read (the
 * export oldest first, the explorer newest first). The cursor is the last record shown, opaque.
 */
import type { Prisma } from "@sekuire/db";
import { AppError } from "../errors/index.js";

export interface DecisionKey {
  createdAt: Date;
  workspaceId: string;
  seq: bigint;
}

export function encodeDecisionCursor(row: DecisionKey): string {
  return Buffer.from(
    JSON.stringify([row.createdAt.toISOString(), row.workspaceId, row.seq.toString()]),
  ).toString("base64url");
}

export function decodeDecisionCursor(cursor: string): DecisionKey {
  try {
    const [at, workspaceId, seq] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [
      string,
      string,
      string,
    ];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof workspaceId !== "string") throw new Error();
    return { createdAt, workspaceId, seq: BigInt(seq) };
  } catch {
    throw new AppError("BAD_REQUEST", "The cursor is not one this list gave.", [
      { pointer: "/cursor", message: "Use a page's nextCursor as it came." },
    ]);
  }
}

/** The records after `key` in the given order. */
export function afterKey(key: DecisionKey, order: "asc" | "desc"): Prisma.DecisionLogWhereInput {
  const beyond = order === "asc" ? "gt" : "lt";
  return {
    OR: [
      { createdAt: { [beyond]: key.createdAt } },
      { createdAt: key.createdAt, workspaceId: { [beyond]: key.workspaceId } },
      { createdAt: key.createdAt, workspaceId: key.workspaceId, seq: { [beyond]: key.seq } },
    ],
  };
}

export const keyOrder = (order: "asc" | "desc") => [
  { createdAt: order },
  { workspaceId: order },
  { seq: order },
];
