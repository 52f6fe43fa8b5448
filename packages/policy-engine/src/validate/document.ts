/** The whole document: Version, Description, Statement and the three settings blocks. */
import type { Findings } from "../findings.js";
import type { PolicyIR, StatementIR } from "../ir.js";
import { child } from "../json/pointer.js";
import { describeKind, type JNode, type JObject, member } from "../json/tree.js";
import { MAX_STATEMENTS } from "../limits.js";
import { validateLimits } from "./limits.js";
import { checkFields, expectObject, expectString } from "./read.js";
import { validateApproval, validateAudit } from "./settings.js";
import { validateStatement } from "./statement.js";

export const TOP_LEVEL_FIELDS = [
  "Version",
  "Description",
  "Statement",
  "ResourceLimits",
  "RequireApproval",
  "AuditLog",
];
export const SUPPORTED_VERSIONS = ["2024-12-02"];

function version(obj: JObject, f: Findings): void {
  const m = member(obj, "Version");
  if (!m) {
    f.error(
      "MissingField",
      "/Version",
      `The document needs \`Version\`: "${SUPPORTED_VERSIONS[0]}".`,
    );
    return;
  }
  const v = expectString(m.value, "/Version", "`Version`", f);
  if (v !== undefined && !SUPPORTED_VERSIONS.includes(v))
    f.error(
      "UnsupportedVersion",
      "/Version",
      `Version \`${v}\` is not supported; the current version is "${SUPPORTED_VERSIONS[0]}".`,
    );
}

function statements(obj: JObject, f: Findings): StatementIR[] | undefined {
  const m = member(obj, "Statement");
  if (!m) {
    f.error(
      "MissingField",
      "/Statement",
      "The document needs `Statement`: one statement or a list of them.",
    );
    return undefined;
  }
  const sids = new Set<string>();
  if (m.value.kind === "object") {
    const s = validateStatement(m.value, "/Statement", 0, sids, f);
    return s ? [s] : undefined;
  }
  if (m.value.kind !== "array") {
    f.error(
      "InvalidType",
      "/Statement",
      `\`Statement\` must be a statement object or a list of them, not ${describeKind(m.value)}.`,
    );
    return undefined;
  }
  const items = m.value.items;
  if (items.length === 0) {
    f.error(
      "EmptyValue",
      "/Statement",
      "`Statement` is empty: a policy needs at least one statement.",
    );
    return undefined;
  }
  if (items.length > MAX_STATEMENTS) {
    f.error(
      "TooManyItems",
      "/Statement",
      `The policy has ${items.length} statements; at most ${MAX_STATEMENTS} are allowed. Split it into several policies.`,
    );
    return undefined;
  }
  const out = items.map((node, i) => validateStatement(node, child("/Statement", i), i, sids, f));
  return out.every((s) => s !== undefined) ? (out as StatementIR[]) : undefined;
}

function block<T>(
  obj: JObject,
  name: string,
  f: Findings,
  read: (o: JObject, p: string, f: Findings) => T,
): T | undefined {
  const m = member(obj, name);
  if (!m) return undefined;
  const o = expectObject(m.value, `/${name}`, `\`${name}\``, f);
  return o ? read(o, `/${name}`, f) : undefined;
}

export function validateDocument(root: JNode, f: Findings): PolicyIR | undefined {
  const obj = expectObject(root, "", "A policy document", f);
  if (!obj) return undefined;
  checkFields(obj, "", TOP_LEVEL_FIELDS, "a top-level", f);
  version(obj, f);
  const description = member(obj, "Description");
  if (description) expectString(description.value, "/Description", "`Description`", f);
  const stmts = statements(obj, f);
  const limits = block(obj, "ResourceLimits", f, validateLimits) ?? {};
  const approval = block(obj, "RequireApproval", f, validateApproval);
  const audit = block(obj, "AuditLog", f, validateAudit);
  if (f.hasErrors || !stmts) return undefined;
  return { statements: stmts, limits, approval, audit };
}
