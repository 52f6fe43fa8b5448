/**
 * The approvals inbox: pending requests first (soonest to expire first, all of them: a pending
 * request is never paged away), then the history (decided, expired, used), newest first, paged
 * by cursor. Any member reads it; `canDecide` says where this one may act.
 */
import type { Db, Prisma } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { decodeCursor, encodeCursor } from "../audit-trail/cursor.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";
import {
  type ApprovalDetail,
  approvalDetailSelect,
  readerOf,
  toApprovalDetail,
} from "./approval-detail.js";

export const listApprovalsInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws").optional(),
  /** the history's page after this cursor */
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export interface ApprovalInbox {
  pending: ApprovalDetail[];
  history: ApprovalDetail[];
  /** pass back as `cursor` for the next (older) page of the history; null on the last */
  nextCursor: string | null;
}

const MAX_PENDING = 500;

export async function listApprovals(
  db: Db,
  principal: Principal,
  input: z.input<typeof listApprovalsInput>,
  now: Date = new Date(),
): Promise<ApprovalInbox> {
  const { organizationId, workspaceId, cursor, limit } = parseInput(listApprovalsInput, input);
  const access = await authorize(db, principal, organizationId, "viewer");
  if (workspaceId) await findWorkspace(db, organizationId, workspaceId);
  const scope: Prisma.ApprovalRequestWhereInput = {
    organizationId,
    ...(workspaceId ? { workspaceId } : {}),
  };
  const open = openWhere(now);
  const after = cursor ? decodeCursor(cursor) : null;
  const [pending, history] = await Promise.all([
    cursor
      ? Promise.resolve([])
      : db.approvalRequest.findMany({
          where: { ...scope, ...open },
          select: approvalDetailSelect,
          orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
          take: MAX_PENDING,
        }),
    db.approvalRequest.findMany({
      where: {
        ...scope,
        NOT: open,
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      select: approvalDetailSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    }),
  ]);
  const reader = readerOf(access, principal);
  const page = history.slice(0, limit);
  const last = page.at(-1);
  return {
    pending: pending.map((row) => toApprovalDetail(row, reader, now)),
    history: page.map((row) => toApprovalDetail(row, reader, now)),
    nextCursor:
      history.length > limit && last
        ? encodeCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/** How many requests wait for a decision (the navigation's count), for any member. */
export async function countPendingApprovals(
  db: Db,
  principal: Principal,
  input: { organizationId: string },
  now: Date = new Date(),
): Promise<number> {
  const { organizationId } = parseInput(z.object({ organizationId: organizationIdSchema }), input);
  await authorize(db, principal, organizationId, "viewer");
  return db.approvalRequest.count({ where: { organizationId, ...openWhere(now) } });
}

/** Still waiting for a decision: pending and not yet past its time (effectiveStatus's rule). */
function openWhere(now: Date): Prisma.ApprovalRequestWhereInput {
  return { status: "pending", expiresAt: { gt: now } };
}
