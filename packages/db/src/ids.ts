// Prefixed ids, one table for the whole platform (unkey's and dub's convention): an id says what
// it names, so a workspace id pasted where an agent id belongs fails validation instead of
// finding nothing. The database fills ids of the same shape by default (schema.prisma); newId is
// for code that needs an id before its insert, e.g. to reference it from an audit event written
// in the same transaction.
import { randomUUID } from "node:crypto";

/** Each model's id prefix; schema.prisma's defaults use the same ones (a test holds them equal). */
export const ID_PREFIXES = {
  Organization: "org",
  User: "usr",
  Membership: "mem",
  Invitation: "inv",
  Account: "acc",
  Session: "ses",
  SignInAttempt: "sia",
  Workspace: "ws",
  Policy: "pol",
  PolicyVersion: "pov",
  PublishRequest: "pub",
  PolicyAssignment: "asg",
  Agent: "agt",
  ApiKey: "key",
  AdminToken: "adt",
  AdminAuditEvent: "aud",
  DecisionLog: "dec",
  ApprovalRequest: "apr",
  ApprovalNotification: "ntf",
  WebhookDelivery: "whd",
} as const;

export type IdModel = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdModel];

const ID_BODY = /^[0-9a-f]{32}$/;

/** A new id, e.g. `org_3f9c…` (the prefix and 32 hex characters of a random UUID). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID().replaceAll("-", "")}`;
}

/** Whether `value` has the shape of an id with this prefix (it says nothing about existence). */
export function isId(prefix: IdPrefix, value: unknown): value is string {
  if (typeof value !== "string" || !value.startsWith(`${prefix}_`)) return false;
  return ID_BODY.test(value.slice(prefix.length + 1));
}
