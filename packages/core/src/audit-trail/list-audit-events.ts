import type { Db, Prisma } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { dateSchema, organizationIdSchema, parseInput } from "../shared/index.js";
import { type AuditEventView, auditEventSelect } from "./audit-event-view.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

export const listAuditEventsInput = z.object({
  organizationId: organizationIdSchema,
  /** An exact action (`member.removed`) or a family ending in a dot (`member.`). */
  action: z.string().trim().min(1).max(100).optional(),
  actorUserId: z.string().min(1).optional(),
  actorTokenId: z.string().min(1).optional(),
  targetType: z.string().min(1).max(50).optional(),
  targetId: z.string().min(1).optional(),
  /** Inclusive lower bound. */
  from: dateSchema.optional(),
  /** Exclusive upper bound. */
  to: dateSchema.optional(),
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsInput>;

export interface AuditEventPage {
  items: AuditEventView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** The admin audit trail, newest first, filtered and paginated by cursor; admins only. */
export async function listAuditEvents(
  db: Db,
  principal: Principal,
  input: ListAuditEventsInput,
): Promise<AuditEventPage> {
  const parsed = parseInput(listAuditEventsInput, input);
  await authorize(db, principal, parsed.organizationId, "admin");
  const rows = await db.adminAuditEvent.findMany({
    where: { AND: [{ organizationId: parsed.organizationId }, ...filters(parsed)] },
    select: auditEventSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: parsed.limit + 1,
  });
  const items = rows.slice(0, parsed.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > parsed.limit && last ? encodeCursor(last) : null,
  };
}

function filters(input: z.output<typeof listAuditEventsInput>): Prisma.AdminAuditEventWhereInput[] {
  const where: Prisma.AdminAuditEventWhereInput[] = [];
  if (input.action) {
    where.push({
      action: input.action.endsWith(".") ? { startsWith: input.action } : input.action,
    });
  }
  if (input.actorUserId) where.push({ actorUserId: input.actorUserId });
  if (input.actorTokenId) where.push({ actorTokenId: input.actorTokenId });
  if (input.targetType) where.push({ targetType: input.targetType });
  if (input.targetId) where.push({ targetId: input.targetId });
  if (input.from) where.push({ createdAt: { gte: input.from } });
  if (input.to) where.push({ createdAt: { lt: input.to } });
  if (input.cursor) {
    const { createdAt, id } = decodeCursor(input.cursor);
    where.push({
      OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }],
    });
  }
  return where;
}
