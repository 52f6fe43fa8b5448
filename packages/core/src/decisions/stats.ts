/**
 * A workspace's dashboard numbers from the decision log: records per hour (last 24 h) or per day
 * (last 7 days) by outcome, and the most denied actions in that range. Aggregated in SQL
 * (date_trunc in UTC, on the (organization, workspace, time) index), never row by row. Only what
 * the audit settings keep is counted: Allow is recorded only under Include `all_actions`.
 */
import type { Db } from "@sekuire/db";
import { z } from "zod";
import { authorize, type Principal } from "../access/index.js";
import { idOf, organizationIdSchema, parseInput } from "../shared/index.js";
import { findWorkspace } from "../workspaces/find-workspace.js";

export const decisionStatsInput = z.object({
  organizationId: organizationIdSchema,
  workspaceId: idOf("ws"),
  range: z.enum(["24h", "7d"]).default("24h"),
});

export interface DecisionBucket {
  /** the bucket's start (UTC hour or day) */
  start: Date;
  Allow: number;
  Deny: number;
  RequireApproval: number;
}

export interface DecisionStats {
  range: "24h" | "7d";
  unit: "hour" | "day";
  from: Date;
  to: Date;
  buckets: DecisionBucket[];
  totals: { Allow: number; Deny: number; RequireApproval: number };
  topDenied: { action: string; count: number }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TOP = 5;

type Outcome = "Allow" | "Deny" | "RequireApproval";

export async function decisionStats(
  db: Db,
  principal: Principal,
  raw: z.input<typeof decisionStatsInput>,
  now: Date = new Date(),
): Promise<DecisionStats> {
  const { organizationId, workspaceId, range } = parseInput(decisionStatsInput, raw);
  await authorize(db, principal, organizationId, "admin");
  await findWorkspace(db, organizationId, workspaceId);
  const unit = range === "24h" ? "hour" : "day";
  const step = unit === "hour" ? HOUR : DAY;
  const count = range === "24h" ? 24 : 7;
  // Whole buckets, the current one last: from the start of the (count-1)th bucket back.
  const to = new Date(Math.floor(now.getTime() / step) * step + step);
  const from = new Date(to.getTime() - count * step);
  const [grouped, denied] = await Promise.all([
    db.$queryRaw<{ start: Date; decision: Outcome; n: bigint }[]>`
      SELECT date_trunc(${unit}, "createdAt", 'UTC') AS start, decision::text AS decision,
             count(*) AS n
      FROM "DecisionLog"
      WHERE "organizationId" = ${organizationId} AND "workspaceId" = ${workspaceId}
        AND "createdAt" >= ${from} AND "createdAt" < ${to}
      GROUP BY 1, 2`,
    db.$queryRaw<{ action: string; n: bigint }[]>`
      SELECT action, count(*) AS n
      FROM "DecisionLog"
      WHERE "organizationId" = ${organizationId} AND "workspaceId" = ${workspaceId}
        AND "createdAt" >= ${from} AND "createdAt" < ${to} AND decision = 'Deny'
      GROUP BY action ORDER BY n DESC, action LIMIT ${TOP}`,
  ]);
  const buckets: DecisionBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(from.getTime() + i * step),
    Allow: 0,
    Deny: 0,
    RequireApproval: 0,
  }));
  const totals = { Allow: 0, Deny: 0, RequireApproval: 0 };
  for (const row of grouped) {
    const bucket = buckets[Math.round((row.start.getTime() - from.getTime()) / step)];
    if (!bucket) continue;
    bucket[row.decision] += Number(row.n);
    totals[row.decision] += Number(row.n);
  }
  return {
    range,
    unit,
    from,
    to,
    buckets,
    totals,
    topDenied: denied.map((d) => ({ action: d.action, count: Number(d.n) })),
  };
}
