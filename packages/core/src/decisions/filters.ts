/**
 * The decision explorer's filters, shared by the list, the export and the console's links, so a
 * page and its download always hold the same records.
 *
 * Matching: workspace, agent, decision and reason are exact. Action and resource are exact, or a
 * prefix when they end in `*` (`file:*`, `file:///srv/*`), the way policies write families; a `*`
 * anywhere else is refused rather than guessed at. Actions are stored canonical (lower case), so
 * the action filter is lower-cased too. Time is `from` (inclusive) to `to` (exclusive).
 */
import type { Prisma } from "@sekuire/db";
import { z } from "zod";
import { dateSchema, idOf, organizationIdSchema } from "../shared/index.js";

const pattern = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((value) => !value.slice(0, -1).includes("*"), {
      message: `Only a trailing * is supported (a ${what} prefix), e.g. "${what === "action" ? "file:*" : "file:///srv/*"}".`,
    });

export const decisionFilterFields = {
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws").optional(),
  agentId: idOf("agt").optional(),
  decision: z.enum(["Allow", "Deny", "RequireApproval"]).optional(),
  /** spec §5's reason or the platform's (ExplicitDeny, Frozen, LimitExceeded, …) */
  reason: z.string().trim().min(1).max(100).optional(),
  action: pattern("action")
    .transform((value) => value.toLowerCase())
    .optional(),
  resource: pattern("resource").optional(),
  /** inclusive */
  from: dateSchema.optional(),
  /** exclusive */
  to: dateSchema.optional(),
};

/** `from` must come before `to`: an empty range is more likely a typo than a question. */
export function rangeInOrder(
  value: { from?: Date | undefined; to?: Date | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.from && value.to && value.from >= value.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "Must be later than from." });
}

export const decisionFiltersInput = z.object(decisionFilterFields).superRefine(rangeInOrder);
export type DecisionFilters = z.output<typeof decisionFiltersInput>;

/** `%`, `_` and `\` are LIKE's own characters: Prisma's startsWith does not escape them. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function textMatch(value: string): Prisma.StringFilter | string {
  return value.endsWith("*") ? { startsWith: likeLiteral(value.slice(0, -1)) } : value;
}

/** The filters as a Prisma where clause, always pinned to the organization. */
export function decisionWhere(filters: DecisionFilters): Prisma.DecisionLogWhereInput {
  return {
    organizationId: filters.organizationId,
    ...(filters.workspaceId ? { workspaceId: filters.workspaceId } : {}),
    ...(filters.agentId ? { agentId: filters.agentId } : {}),
    ...(filters.decision ? { decision: filters.decision } : {}),
    ...(filters.reason ? { reason: filters.reason } : {}),
    ...(filters.action ? { action: textMatch(filters.action) } : {}),
    ...(filters.resource ? { resource: textMatch(filters.resource) } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: filters.from } : {}),
            ...(filters.to ? { lt: filters.to } : {}),
          },
        }
      : {}),
  };
}
