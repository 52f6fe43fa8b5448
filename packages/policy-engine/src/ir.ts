/**
 * The validated, normalised form of a policy that compile() consumes. Internal: users hold a
 * Policy (document + this, out of reach).
 */
import type { OperatorDef } from "./conditions/operator.js";
import type { ActionPattern } from "./match/action.js";
import type { ResourcePattern } from "./resource/pattern.js";
import type { TemplatePiece } from "./template-string.js";
import type {
  ApproverRole,
  AuditInclude,
  Effect,
  EffectiveLimits,
  NotificationChannel,
} from "./types.js";

/** A policy value: read once at write time, or a template read per request. */
export type ConditionValue =
  | { template: false; value: unknown }
  | { template: true; pieces: TemplatePiece[]; pointer: string };

export const NO_QUANTIFIER = 0;
export const FOR_ANY = 1;
export const FOR_ALL = 2;

export interface ConditionIR {
  /** pointer of the key, e.g. /Statement/0/Condition/IpAddress/source.ip */
  pointer: string;
  /** the operator as written, e.g. ForAnyValue:StringLikeIfExists */
  operator: string;
  def: OperatorDef | "Null";
  quantifier: number;
  ifExists: boolean;
  key: string;
  /** the key's segments when it is dotted (for the nested lookup) */
  path: string[] | null;
  values: ConditionValue[];
  /** the values already read, when none is a template (the common, fast case) */
  staticValues:
    | unknown[]
    | null /** operator, key and values as written: equal identities always give equal results */;
  identity: string;
  /** Null only: true means "must be absent" */
  nullExpect: boolean;
}

export interface Located<T> {
  pattern: T;
  pointer: string;
}

export interface StatementIR {
  index: number;
  pointer: string;
  sid?: string;
  effect: Effect;
  notAction: boolean;
  actions: Located<ActionPattern>[];
  notResource: boolean;
  resources: Located<ResourcePattern>[];
  conditions: ConditionIR[];
}

export interface ApprovalIR {
  actions: Located<ActionPattern>[];
  approverRole: ApproverRole;
  timeoutSeconds: number;
  channels: NotificationChannel[];
}

export interface AuditIR {
  required: boolean;
  retentionDays?: number;
  include: AuditInclude[];
  redactPII: boolean;
}

export interface PolicyIR {
  statements: StatementIR[];
  limits: EffectiveLimits;
  approval?: ApprovalIR;
  audit?: AuditIR;
}
