/** Best-practice warnings beyond syntax (spec §7), each with its own code and pointer. */
import type { Findings } from "../findings.js";
import type { ConditionIR, PolicyIR, StatementIR } from "../ir.js";
import { type JObject, member } from "../json/tree.js";
import type { ResourcePattern } from "../resource/pattern.js";
import { parseTemplate } from "../template-string.js";
import { quote } from "../text.js";
import { didYouMean, suggest } from "../validate/suggest.js";
import { CATALOG_ACTIONS, isKnownAction } from "./catalog.js";
import { Budget, covers, intersects } from "./glob-relations.js";

/** Keys the platform sets on every decision; any other key in these namespaces is never set. */
export const PLATFORM_KEYS = [
  "source.ip",
  "time.current",
  "agent.id",
  "workspace.id",
  "organization.id",
  "resource.path",
];
const RESERVED_PREFIXES = [
  "source.",
  "time.",
  "agent.",
  "workspace.",
  "organization.",
  "resource.",
];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function label(st: StatementIR): string {
  return st.sid ? `statement \`${st.sid}\`` : `statement ${st.index}`;
}

function unconditionalDenies(ir: PolicyIR): StatementIR[] {
  return ir.statements.filter(
    (s) => s.effect === "Deny" && s.conditions.length === 0 && !s.notResource,
  );
}

function resourceText(p: ResourcePattern): string | undefined {
  return p.tokens || p.canonical.includes("${") ? undefined : p.canonical;
}

function resourceCovered(deny: StatementIR, a: ResourcePattern, budget: Budget): boolean {
  if (deny.resources.some((r) => r.pattern.isStar)) return true;
  const text = resourceText(a);
  if (a.isStar || text === undefined) return false;
  return deny.resources.some((r) => {
    const p = resourceText(r.pattern);
    return p !== undefined && covers(p, text, budget) === true;
  });
}

/** Every action the pattern names is matched by the statement's Action (or not excluded by its NotAction). */
function actionCovered(st: StatementIR, lower: string, budget: Budget): boolean {
  if (st.notAction)
    return st.actions.every((n) => intersects(n.pattern.lower, lower, budget) === false);
  return st.actions.some((d) => covers(d.pattern.lower, lower, budget) === true);
}

/** Some action the pattern names is matched by the statement's Action (or not excluded by its NotAction). */
function actionOverlaps(st: StatementIR, lower: string, budget: Budget): boolean {
  if (st.notAction) return !st.actions.some((n) => covers(n.pattern.lower, lower, budget) === true);
  return st.actions.some((x) => intersects(x.pattern.lower, lower, budget) !== false);
}

function shadowed(ir: PolicyIR, f: Findings, budget: Budget): void {
  const denies = unconditionalDenies(ir);
  for (const st of ir.statements) {
    if (st.effect !== "Allow") continue;
    const by = denies.find(
      (d) =>
        (st.notAction
          ? !d.notAction && d.actions.some((a) => a.pattern.lower === "*")
          : st.actions.every((a) => actionCovered(d, a.pattern.lower, budget))) &&
        (st.notResource
          ? d.resources.some((r) => r.pattern.isStar)
          : st.resources.every((r) => resourceCovered(d, r.pattern, budget))),
    );
    if (by)
      f.warning(
        "ShadowedAllow",
        st.pointer,
        `This Allow never takes effect: the unconditional Deny in ${label(by)} covers every action and resource it names.`,
      );
  }
}

function allowAll(ir: PolicyIR, f: Findings): void {
  for (const st of ir.statements) {
    const allActions = !st.notAction && st.actions.some((a) => a.pattern.lower === "*");
    const allResources = !st.notResource && st.resources.some((r) => r.pattern.isStar);
    if (st.effect === "Allow" && allActions && allResources)
      f.warning(
        "AllowAll",
        st.pointer,
        `${capitalize(label(st))} allows every action on every resource${st.conditions.length ? " (only its conditions limit it)" : ""}; grant only what agents need.`,
      );
  }
}

function approvals(ir: PolicyIR, f: Findings, budget: Budget): void {
  if (!ir.approval) return;
  const denies = unconditionalDenies(ir).filter((d) => d.resources.some((r) => r.pattern.isStar));
  const gated = ir.statements.filter((s) => s.effect === "Allow" && s.conditions.length > 0);
  for (const a of ir.approval.actions) {
    const lower = a.pattern.lower;
    const deny = denies.find((d) => actionCovered(d, lower, budget));
    if (deny)
      f.warning(
        "ApprovalAlwaysDenied",
        a.pointer,
        `\`${a.pattern.source}\` asks for approval, but the unconditional Deny in ${label(deny)} always blocks it, so no request is ever created.`,
      );
    const allow = gated.find((s) => actionOverlaps(s, lower, budget));
    if (allow)
      f.warning(
        "ApprovalIgnoresConditions",
        a.pointer,
        `\`${a.pattern.source}\` always waits for approval, whatever the conditions of the Allow in ${label(allow)} say (approval applies regardless of them).`,
      );
  }
}

function unknownActions(ir: PolicyIR, f: Findings): void {
  const all = [...ir.statements.flatMap((s) => s.actions), ...(ir.approval?.actions ?? [])];
  for (const a of all) {
    if (isKnownAction(a.pattern.lower)) continue;
    f.warning(
      "UnknownAction",
      a.pointer,
      `\`${a.pattern.source}\` is not in the action catalog${didYouMean(a.pattern.source, CATALOG_ACTIONS) || "; check the spelling (custom tools are `tool:<name>:<verb>`)."}`,
    );
  }
}

/** The platform key a reserved-namespace key most likely meant: a close spelling, else its namespace's key. */
function platformHint(key: string): string | undefined {
  const lower = key.toLowerCase();
  return (
    suggest(key, PLATFORM_KEYS) ??
    PLATFORM_KEYS.find((k) => lower.startsWith(k.slice(0, k.indexOf(".") + 1)))
  );
}

function reservedKey(key: string, pointer: string, f: Findings, what: string): void {
  if (PLATFORM_KEYS.includes(key)) return;
  const lower = key.toLowerCase();
  const hint = platformHint(key);
  const advice = hint ? `; did you mean \`${hint}\`?` : ".";
  if (RESERVED_PREFIXES.some((p) => key.startsWith(p)))
    f.warning(
      "UnknownReservedKey",
      pointer,
      `${what} ${quote(key)} is in a namespace the platform fills, but the platform never sets it, so it is always absent${advice}`,
    );
  else if (RESERVED_PREFIXES.some((p) => lower.startsWith(p)))
    // Keys are case-sensitive: `Source.ip` is not the platform's key, and any caller may set it.
    f.warning(
      "UnknownReservedKey",
      pointer,
      `${what} ${quote(key)} differs from the platform's keys only in case; keys are case-sensitive, so callers can set it freely${advice}`,
    );
}

function variablesIn(text: string): string[] {
  const t = parseTemplate(text);
  return t.ok ? t.pieces.flatMap((p) => ("variable" in p ? [p.variable] : [])) : [];
}

function reservedKeys(ir: PolicyIR, f: Findings): void {
  for (const st of ir.statements) {
    for (const r of st.resources)
      for (const v of variablesIn(r.pattern.canonical))
        reservedKey(v, r.pointer, f, "The variable");
    for (const c of st.conditions) {
      reservedKey(c.key, c.pointer, f, "The key");
      for (const v of c.values)
        if (v.template)
          for (const p of v.pieces)
            if ("variable" in p) reservedKey(p.variable, v.pointer, f, "The variable");
    }
  }
}

function positive(c: ConditionIR): boolean {
  return c.def !== "Null" && !c.def.negated && !c.ifExists;
}

function denyOnAbsent(ir: PolicyIR, f: Findings): void {
  for (const st of ir.statements) {
    if (st.effect !== "Deny") continue;
    for (const c of st.conditions) {
      if (!positive(c) || PLATFORM_KEYS.includes(c.key)) continue;
      f.warning(
        "DenyOnAbsentKey",
        c.pointer,
        `This Deny does not apply when \`${c.key}\` is absent from the request; if it must, use \`${c.operator}IfExists\` or add a \`Null\` test.`,
      );
    }
  }
}

function settings(ir: PolicyIR, root: JObject, f: Findings): void {
  const limits = member(root, "ResourceLimits");
  if (!limits || Object.keys(ir.limits).length === 0)
    f.warning(
      "MissingResourceLimits",
      "/ResourceLimits",
      "The policy sets no `ResourceLimits`; set limits to prevent runaway cost and resource use.",
    );
  const audit = member(root, "AuditLog");
  if (!audit || !ir.audit)
    f.warning(
      "AuditLogMissing",
      "/AuditLog",
      "The policy has no `AuditLog`; keep audit logs enabled for compliance and incident investigation.",
    );
  else if (!ir.audit.required) {
    const hasRequired = audit.value.kind === "object" && member(audit.value, "Required");
    f.warning(
      "AuditLogNotRequired",
      hasRequired ? "/AuditLog/Required" : "/AuditLog",
      hasRequired
        ? "`AuditLog.Required` is false; don't disable audit logs."
        : "`AuditLog` does not set `Required`, which means false; set it to true.",
    );
  }
}

/**
 * `*` crosses `/`, so a `*` in the host (`https://*.example.com/*`) also matches
 * `https://evil.net/x.example.com/…`: almost never what an Allow means.
 */
function wildcardHosts(ir: PolicyIR, f: Findings): void {
  for (const st of ir.statements) {
    if (st.effect !== "Allow" || st.notResource) continue;
    for (const r of st.resources) {
      const m = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)/.exec(r.pattern.canonical);
      if (m?.[1]?.includes("*"))
        f.warning(
          "WildcardInHost",
          r.pointer,
          `The \`*\` in the host of ${quote(r.pattern.canonical)} also matches \`/\`, so any host with a matching path does too (e.g. \`https://evil.example/${m[1].replace(/\*/g, "x")}\`); list the hosts, or end the host part with a literal.`,
        );
    }
  }
}

export function lintPolicy(ir: PolicyIR, root: JObject, f: Findings): void {
  const budget = new Budget(20_000_000);
  allowAll(ir, f);
  shadowed(ir, f, budget);
  approvals(ir, f, budget);
  unknownActions(ir, f);
  reservedKeys(ir, f);
  denyOnAbsent(ir, f);
  wildcardHosts(ir, f);
  settings(ir, root, f);
}
