/**
 * A parsed policy: the document as written (a frozen copy) plus its validated form, kept out of
 * reach in a WeakMap so that compile() can trust that what it gets went through parsePolicy.
 */
import type { PolicyIR } from "./ir.js";
import type { PolicyApprovalRule } from "./types.js";

export interface StatementDocument {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<
    string,
    Record<string, string | number | boolean | Array<string | number | boolean>>
  >;
}

export interface PolicyDocument {
  Version: string;
  Description?: string;
  Statement: StatementDocument | StatementDocument[];
  ResourceLimits?: Record<string, string | number>;
  RequireApproval?: {
    Actions: string | string[];
    ApproverRole?: string;
    TimeoutSeconds?: number;
    NotificationChannels?: Array<string | { Type: string; Url?: string }>;
  };
  AuditLog?: {
    Required?: boolean;
    RetentionDays?: number;
    Include?: string | string[];
    RedactPII?: boolean;
  };
}

export interface Policy {
  readonly document: PolicyDocument;
}

const validated = new WeakMap<Policy, PolicyIR>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function makePolicy(document: unknown, ir: PolicyIR): Policy {
  const policy: Policy = Object.freeze({ document: deepFreeze(document as PolicyDocument) });
  validated.set(policy, ir);
  return policy;
}

export function irOf(policy: unknown): PolicyIR | undefined {
  return policy !== null && typeof policy === "object"
    ? validated.get(policy as Policy)
    : undefined;
}

/**
 * A parsed policy's RequireApproval with the language's defaults filled in (approver role
 * `admin`, 3,600 s, `["email"]`), so callers never restate them; undefined when it has none.
 */
export function approvalRuleOf(policy: Policy): PolicyApprovalRule | undefined {
  const rule = irOf(policy)?.approval;
  if (!rule) return undefined;
  return {
    actions: rule.actions.map((a) => a.pattern.source),
    approverRole: rule.approverRole,
    timeoutSeconds: rule.timeoutSeconds,
    channels: rule.channels.map((c) => ({ ...c })),
  };
}
