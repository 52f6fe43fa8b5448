/**
 * Public types of @sekuire/policy-engine. The decision API, console, CLI and SDK all speak these.
 */

export type Severity = "error" | "warning";

/** A problem found in a policy document, with a JSON Pointer to where it is. */
export interface Finding {
  severity: Severity;
  /** Stable machine code; see FINDING_CODES and the package README. */
  code: FindingCode;
  /** JSON Pointer into the document. For a missing member: the parent's pointer plus its name. */
  pointer: string;
  /** A sentence a person understands. */
  message: string;
  /** 1-based position of the offending text (text input only). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export const ERROR_CODES = [
  "InvalidJson",
  "DuplicateKey",
  "DocumentTooLarge",
  "NestingTooDeep",
  "InvalidType",
  "MissingField",
  "UnknownField",
  "EmptyValue",
  "TooManyItems",
  "UnsupportedVersion",
  "InvalidEffect",
  "ConflictingFields",
  "DuplicateSid",
  "InvalidActionPattern",
  "InvalidResourcePattern",
  "PatternTooLong",
  "InvalidVariable",
  "UnknownOperator",
  "InvalidOperatorModifier",
  "InvalidConditionKey",
  "InvalidConditionValue",
  "InvalidLimit",
  "InvalidApproverRole",
  "InvalidTimeout",
  "InvalidChannel",
  "InvalidRetention",
  "InvalidInclude",
] as const;

export const WARNING_CODES = [
  "AllowAll",
  "ShadowedAllow",
  "ApprovalAlwaysDenied",
  "ApprovalIgnoresConditions",
  "MissingResourceLimits",
  "AuditLogMissing",
  "AuditLogNotRequired",
  "UnknownAction",
  "UnknownReservedKey",
  "DenyOnAbsentKey",
  "WildcardInHost",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type FindingCode = ErrorCode | WarningCode;

export type Effect = "Allow" | "Deny";
export type DecisionKind = "Allow" | "Deny" | "RequireApproval";

/** The engine's reasons (spec §5). The platform adds its own on top. */
export type EngineReason =
  | "ExplicitDeny"
  | "ApprovalRequired"
  | "ExplicitAllow"
  | "ImplicitDeny"
  | "InvalidAction"
  | "InvalidResource";

export type PlatformReason =
  | "ApprovalGranted"
  | "ApprovalDenied"
  | "ApprovalExpired"
  | "ApprovalConsumed"
  | "ApprovalMismatch"
  | "LimitExceeded"
  | "Frozen"
  | "Unavailable";

export type Reason = EngineReason | PlatformReason;

export type ApproverRole = "owner" | "admin" | "approver";

export type NotificationChannel = { type: "email" } | { type: "webhook"; url: string };

/** Limits normalised to integers: seconds, counts, micro-USD and bytes. Absent = no limit. */
export interface EffectiveLimits {
  /** seconds */
  MaxExecutionTime?: number;
  MaxTokens?: number;
  /** micro-USD (1 USD = 1,000,000) so that $0.0004 calls add up exactly */
  MaxCostPerHour?: number;
  /** bytes (GB = 2^30) */
  MaxMemory?: number;
  /** bytes (GB = 2^30) */
  MaxStorage?: number;
  MaxConcurrentRequests?: number;
  MaxApiCallsPerHour?: number;
}

export type AuditInclude = "all_actions" | "outcomes" | "resources" | "timestamps" | "context";

export interface EffectiveAudit {
  required: boolean;
  retentionDays: number;
  /** sorted, no duplicates */
  include: AuditInclude[];
  redactPII: boolean;
}

export interface ApprovalRule {
  approverRole: ApproverRole;
  timeoutSeconds: number;
  channels: NotificationChannel[];
}

/** One policy's RequireApproval as validated, defaults filled in (approvalRuleOf). */
export interface PolicyApprovalRule extends ApprovalRule {
  /** the action patterns as written */
  actions: string[];
}

/** A RequireApproval decision's approval: the merged rule and the entries that asked for it. */
export interface DecisionApproval extends ApprovalRule {
  entries: ApprovalEntryRef[];
}

export interface ApprovalEntryRef {
  policyId?: string;
  /** e.g. "/RequireApproval/Actions/2" */
  pointer: string;
}

export interface MatchedStatement {
  policyId?: string;
  sid?: string;
  /** zero-based index in the policy's Statement (0 when Statement is a single object) */
  statement: number;
  effect: Effect;
}

export type EvaluationErrorCode = "UnreadableValue" | "UnexpectedList" | "MissingVariable";

/** A test that could not be evaluated. Never grants access (spec §4, §8). */
export interface EvaluationError {
  policyId?: string;
  sid?: string;
  statement: number;
  /** JSON Pointer into the policy: the condition key or the resource pattern that failed */
  pointer: string;
  code: EvaluationErrorCode;
  message: string;
}

export interface ConditionExplanation {
  pointer: string;
  operator: string;
  key: string;
  result: "true" | "false" | "error";
  /** the request value the test read (absent when the key was absent) */
  value?: unknown;
}

export interface StatementExplanation {
  policyId?: string;
  sid?: string;
  statement: number;
  effect: Effect;
  /** true when action, resource and every condition held */
  matched: boolean;
  action: boolean;
  resource: boolean | "error";
  conditions: ConditionExplanation[];
  /** one sentence: why it matched or not */
  summary: string;
}

/**
 * A decision is a read-only value: its limits, audit settings, approval, matched records and
 * empty lists are shared between decisions and frozen, so copy before changing anything.
 */
export interface Decision {
  decision: DecisionKind;
  reason: EngineReason;
  /** The statements that decided it: the Denies for ExplicitDeny, the Allows for ExplicitAllow. */
  matched: MatchedStatement[];
  errors: EvaluationError[];
  limits: EffectiveLimits;
  audit: EffectiveAudit;
  /** Present on RequireApproval: the merged rule and the entries that asked for it. */
  approval?: DecisionApproval;
  /** Present with { explain: true }: one entry per statement of every policy, in order. */
  explanation?: StatementExplanation[];
  /** A sentence about why (e.g. which part of the resource was invalid). */
  message?: string;
}

export interface DecisionRequest {
  action: string;
  resource: string;
  context?: Record<string, unknown>;
}

export interface EvaluateOptions {
  /** Fills `time.current` when the context lacks it: a Date or epoch milliseconds. */
  now?: Date | number;
  explain?: boolean;
}
