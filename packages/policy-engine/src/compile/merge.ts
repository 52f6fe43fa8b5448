/** Workspace-wide settings from several policies (spec §6). */
import type { ApprovalIR, AuditIR } from "../ir.js";
import type {
  ApprovalRule,
  ApproverRole,
  AuditInclude,
  EffectiveAudit,
  EffectiveLimits,
  NotificationChannel,
} from "../types.js";

export const DEFAULT_RETENTION_DAYS = 90;

/** Smallest limit wins. */
export function mergeLimits(all: readonly EffectiveLimits[]): EffectiveLimits {
  const out: EffectiveLimits = {};
  for (const limits of all) {
    for (const [k, v] of Object.entries(limits) as Array<[keyof EffectiveLimits, number]>) {
      const cur = out[k];
      out[k] = cur === undefined ? v : Math.min(cur, v);
    }
  }
  return out;
}

/** Required if any requires; longest retention; union of Include; redaction if any asks. */
export function mergeAudit(all: readonly (AuditIR | undefined)[]): EffectiveAudit {
  const include = new Set<AuditInclude>();
  let required = false;
  let redactPII = false;
  let retention: number | undefined;
  for (const a of all) {
    if (!a) continue;
    required ||= a.required;
    redactPII ||= a.redactPII;
    for (const i of a.include) include.add(i);
    if (a.retentionDays !== undefined) retention = Math.max(retention ?? 0, a.retentionDays);
  }
  return {
    required,
    retentionDays: retention ?? DEFAULT_RETENTION_DAYS,
    include: [...include].sort(),
    redactPII,
  };
}

const ROLE_RANK: Record<ApproverRole, number> = { approver: 1, admin: 2, owner: 3 };

function channelKey(c: NotificationChannel): string {
  return c.type === "webhook" ? `webhook ${c.url}` : "email";
}

/** Highest approver role, shortest timeout, channels united in first-seen order. */
export function mergeApproval(rules: readonly ApprovalIR[]): ApprovalRule {
  let approverRole: ApproverRole = "approver";
  let timeoutSeconds = Number.POSITIVE_INFINITY;
  const channels = new Map<string, NotificationChannel>();
  for (const r of rules) {
    if (ROLE_RANK[r.approverRole] > ROLE_RANK[approverRole]) approverRole = r.approverRole;
    timeoutSeconds = Math.min(timeoutSeconds, r.timeoutSeconds);
    for (const c of r.channels)
      if (!channels.has(channelKey(c))) channels.set(channelKey(c), { ...c });
  }
  return { approverRole, timeoutSeconds, channels: [...channels.values()] };
}
