/** RequireApproval and AuditLog (spec §6). */
import type { Findings } from "../findings.js";
import type { ApprovalIR, AuditIR } from "../ir.js";
import { child } from "../json/pointer.js";
import { describeKind, type JNode, type JObject, member } from "../json/tree.js";
import { canonicalizeResource } from "../resource/canonical.js";
import { quote } from "../text.js";
import type { ApproverRole, AuditInclude, NotificationChannel } from "../types.js";
import { shown } from "./limits.js";
import { checkFields, checkListSize, expectObject, stringOrList } from "./read.js";
import { compileAction } from "./statement.js";
import { sentence } from "./suggest.js";

export const APPROVAL_FIELDS = [
  "Actions",
  "ApproverRole",
  "TimeoutSeconds",
  "NotificationChannels",
];
export const AUDIT_FIELDS = ["Required", "RetentionDays", "Include", "RedactPII"];
export const APPROVER_ROLES: readonly ApproverRole[] = ["owner", "admin", "approver"];
export const AUDIT_INCLUDES: readonly AuditInclude[] = [
  "all_actions",
  "outcomes",
  "resources",
  "timestamps",
  "context",
];
export const MAX_TIMEOUT_SECONDS = 604_800;
export const MAX_RETENTION_DAYS = 36_500;

function integerIn(node: JNode, min: number, max: number): number | undefined {
  return node.kind === "number" &&
    Number.isInteger(node.value) &&
    node.value >= min &&
    node.value <= max
    ? node.value
    : undefined;
}

function approvalActions(obj: JObject, pointer: string, f: Findings): ApprovalIR["actions"] {
  const m = member(obj, "Actions");
  if (!m) {
    f.error(
      "MissingField",
      child(pointer, "Actions"),
      "`RequireApproval` needs `Actions`: the actions that wait for a human.",
    );
    return [];
  }
  const items = stringOrList(m.value, child(pointer, "Actions"), "`Actions`", f) ?? [];
  const out: ApprovalIR["actions"] = [];
  for (const item of items) {
    const pattern = compileAction(item, f);
    if (pattern) out.push({ pattern, pointer: item.pointer });
  }
  return out;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why a webhook URL is refused, or undefined when it is https:// (or http:// to loopback). */
function webhookProblem(node: JNode): string | undefined {
  if (node.kind !== "string") return `must be a string, not ${describeKind(node)}`;
  const canon = canonicalizeResource(node.value);
  if (!canon.ok) return `${quote(node.value)} is not an absolute URL: ${canon.message}`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/?:]*)/.exec(canon.value);
  if (!m?.[2]) return `${quote(node.value)} has no host`;
  if (m[1] === "https") return undefined;
  if (m[1] === "http")
    return isLoopback(m[2])
      ? undefined
      : `${quote(node.value)} uses plain http, allowed only to localhost, 127.0.0.1 or [::1] for development; use https://`;
  return `${quote(node.value)} must use https://`;
}

/** The webhook URL if it is https:// (or http:// to loopback), read with our own URI rules. */
function webhookUrl(node: JNode | undefined, pointer: string, f: Findings): string | undefined {
  if (!node) {
    f.error("InvalidChannel", pointer, "A webhook channel needs a `Url`.");
    return undefined;
  }
  const problem = webhookProblem(node);
  if (problem) {
    f.error("InvalidChannel", pointer, `The webhook \`Url\` ${problem}.`);
    return undefined;
  }
  return (node as { value: string }).value;
}

function channel(node: JNode, pointer: string, f: Findings): NotificationChannel | undefined {
  if (node.kind === "string") {
    if (node.value === "email") return { type: "email" };
    f.error(
      "InvalidChannel",
      pointer,
      `\`${node.value}\` is not a channel: use "email" or {"Type": "webhook", "Url": "https://…"}.`,
    );
    return undefined;
  }
  const obj = expectObject(node, pointer, "A notification channel", f);
  if (!obj) return undefined;
  checkFields(obj, pointer, ["Type", "Url"], "a channel", f);
  const type = member(obj, "Type")?.value;
  // Spec §8: email is the string "email" only; one spelling per channel keeps merging and display plain.
  if (type?.kind === "string" && type.value === "email") {
    f.error(
      "InvalidChannel",
      pointer,
      'Write the email channel as the string "email", not as an object with `Type`.',
    );
    return undefined;
  }
  if (type?.kind !== "string" || type.value !== "webhook") {
    f.error(
      "InvalidChannel",
      child(pointer, "Type"),
      'An object channel has `Type` "webhook" (email is the string "email").',
    );
    return undefined;
  }
  const url = webhookUrl(member(obj, "Url")?.value, child(pointer, "Url"), f);
  return url ? { type: "webhook", url } : undefined;
}

function channels(obj: JObject, pointer: string, f: Findings): NotificationChannel[] {
  const m = member(obj, "NotificationChannels");
  if (!m) return [{ type: "email" }];
  const p = child(pointer, "NotificationChannels");
  if (m.value.kind !== "array") {
    f.error(
      "InvalidType",
      p,
      `\`NotificationChannels\` must be a list, not ${describeKind(m.value)}.`,
    );
    return [];
  }
  if (!checkListSize(m.value.items.length, p, "`NotificationChannels`", f)) return [];
  const out: NotificationChannel[] = [];
  m.value.items.forEach((item, i) => {
    const c = channel(item, child(p, i), f);
    if (c) out.push(c);
  });
  return out;
}

export function validateApproval(obj: JObject, pointer: string, f: Findings): ApprovalIR {
  checkFields(obj, pointer, APPROVAL_FIELDS, "a `RequireApproval`", f);
  let approverRole: ApproverRole = "admin";
  const role = member(obj, "ApproverRole");
  if (role) {
    const v = role.value;
    if (v.kind === "string" && (APPROVER_ROLES as readonly string[]).includes(v.value))
      approverRole = v.value as ApproverRole;
    else {
      const got = v.kind === "string" ? `\`${v.value}\`` : describeKind(v);
      f.error(
        "InvalidApproverRole",
        child(pointer, "ApproverRole"),
        v.kind === "string"
          ? sentence(
              `${quote(v.value)} is not an approver role: use owner, admin or approver`,
              v.value,
              APPROVER_ROLES,
            )
          : `\`ApproverRole\` must be a string (owner, admin or approver), not ${got}.`,
      );
    }
  }
  let timeoutSeconds = 3600;
  const timeout = member(obj, "TimeoutSeconds");
  if (timeout) {
    const t = integerIn(timeout.value, 1, MAX_TIMEOUT_SECONDS);
    if (t === undefined)
      f.error(
        "InvalidTimeout",
        child(pointer, "TimeoutSeconds"),
        `\`TimeoutSeconds\` must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS} (7 days); got ${shown(timeout.value)}.`,
      );
    else timeoutSeconds = t;
  }
  return {
    actions: approvalActions(obj, pointer, f),
    approverRole,
    timeoutSeconds,
    channels: channels(obj, pointer, f),
  };
}

function boolField(obj: JObject, name: string, pointer: string, f: Findings): boolean {
  const m = member(obj, name);
  if (!m) return false;
  if (m.value.kind === "boolean") return m.value.value;
  f.error(
    "InvalidType",
    child(pointer, name),
    `\`${name}\` must be true or false, not ${describeKind(m.value)}.`,
  );
  return false;
}

function includes(obj: JObject, pointer: string, f: Findings): AuditInclude[] {
  const m = member(obj, "Include");
  if (!m) return [];
  const items = stringOrList(m.value, child(pointer, "Include"), "`Include`", f) ?? [];
  const out = new Set<AuditInclude>();
  for (const item of items) {
    if ((AUDIT_INCLUDES as readonly string[]).includes(item.value))
      out.add(item.value as AuditInclude);
    else
      f.error(
        "InvalidInclude",
        item.pointer,
        sentence(
          `${quote(item.value)} is not an audit field: use ${AUDIT_INCLUDES.join(", ")}`,
          item.value,
          AUDIT_INCLUDES,
        ),
      );
  }
  return [...out].sort();
}

export function validateAudit(obj: JObject, pointer: string, f: Findings): AuditIR {
  checkFields(obj, pointer, AUDIT_FIELDS, "an `AuditLog`", f);
  const audit: AuditIR = {
    required: boolField(obj, "Required", pointer, f),
    include: includes(obj, pointer, f),
    redactPII: boolField(obj, "RedactPII", pointer, f),
  };
  const retention = member(obj, "RetentionDays");
  if (retention) {
    const days = integerIn(retention.value, 1, MAX_RETENTION_DAYS);
    if (days === undefined)
      f.error(
        "InvalidRetention",
        child(pointer, "RetentionDays"),
        `\`RetentionDays\` must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}; got ${shown(retention.value)}.`,
      );
    else audit.retentionDays = days;
  }
  return audit;
}
