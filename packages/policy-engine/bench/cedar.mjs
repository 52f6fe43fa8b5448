/**
 * Peer 1: the same rules in Cedar (@cedar-policy/cedar-wasm), `preparsePolicySet` once, then
 * `statefulIsAuthorized` per decision.
 *
 * Mapping (README.md, "Peers"):
 * - Allow -> permit, Deny -> forbid; Cedar's forbid-overrides-permit and default deny are the
 *   same order as spec §5 for Allow/Deny.
 * - Actions are Action entities whose id is the lower-cased action (actions match case-insensitively).
 *   A wildcard pattern such as `file:*` becomes an action group `Action::"file:*"`: each requested
 *   action entity lists the groups its name matches as parents, as a Cedar application would.
 * - Resources are Resource entities whose id and `path` attribute are the resource string; a glob
 *   becomes `resource.path like "..."` (Cedar's `like` has the same `*`).
 * - Conditions read flat context attributes named by the condition key, each guarded by `has`, so an
 *   absent key makes the (positive) test false, as spec §4 says. Numbers are `decimal`, addresses `ip`.
 * - RequireApproval: one unconditioned permit per approval action pattern, with id `approval<i>`.
 *   An allow whose determining policies include one is RequireApproval (a forbid still wins: Deny).
 */

import { createRequire } from "node:module";
import { globMatch } from "./glob.mjs";
import { normalise, typedContext } from "./translate.mjs";

const require = createRequire(import.meta.url);
const cedar = require("@cedar-policy/cedar-wasm/nodejs");

export const cedarVersion = () => cedar.getCedarVersion();

/** A Cedar string literal; the generated text is printable ASCII, anything else is refused. */
function str(s) {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`cedar peer: unexpected characters in ${s}`);
  return `"${s.replace(/[\\"]/g, "\\$&")}"`;
}

const decimal = (n) => n.toFixed(4);
const attr = (key) => `context[${str(key)}]`;
const anyOf = (parts) => (parts.length === 1 ? parts[0] : `(${parts.join(" || ")})`);

function testExpr({ op, key, values }) {
  const v = attr(key);
  let body;
  if (op === "StringEquals") body = anyOf(values.map((x) => `${v} == ${str(String(x))}`));
  else if (op === "NumericLessThan") {
    body = anyOf(values.map((x) => `${v}.lessThan(decimal("${decimal(Number(x))}"))`));
  } else if (op === "IpAddress") body = anyOf(values.map((x) => `${v}.isInRange(ip(${str(x)}))`));
  else body = anyOf(values.map((x) => `${v} == ${String(x).toLowerCase() === "true"}`));
  return `(context has ${str(key)} && ${body})`;
}

function resourceExpr(resources) {
  if (resources.includes("*")) return null;
  return anyOf(
    resources.map((r) =>
      r.includes("*") ? `resource.path like ${str(r)}` : `resource.path == ${str(r)}`,
    ),
  );
}

const actionScope = (actions) =>
  actions.includes("*")
    ? "action"
    : `action in [${actions.map((a) => `Action::${str(a)}`).join(", ")}]`;

function policyText(st) {
  const head = `${st.effect === "Deny" ? "forbid" : "permit"}(principal, ${actionScope(st.actions)}, resource)`;
  const when = [resourceExpr(st.resources), ...st.tests.map(testExpr)].filter(Boolean);
  return when.length === 0 ? `${head};` : `${head} when { ${when.join(" && ")} };`;
}

/** Cedar policy set (id -> text) for the documents. */
export function toCedar(docs) {
  const { statements, approvals, keyTypes } = normalise(docs);
  const policies = {};
  statements.forEach((st, i) => {
    policies[`s${i}`] = policyText(st);
  });
  approvals.forEach((a, i) => {
    policies[`approval${i}`] = `permit(principal, ${actionScope([a])}, resource);`;
  });
  const groups = [...new Set([...statements.flatMap((s) => s.actions), ...approvals])].filter(
    (a) => a.includes("*") && a !== "*",
  );
  const readsPath = statements.some((st) => !st.resources.includes("*"));
  return { policies, groups, keyTypes, readsPath };
}

function cedarContext(ctx, keyTypes) {
  const typed = typedContext(ctx, keyTypes);
  const out = {};
  for (const [key, v] of Object.entries(typed)) {
    const type = keyTypes.get(key);
    if (type === "decimal") out[key] = { __extn: { fn: "decimal", arg: decimal(v) } };
    else if (type === "ip") out[key] = { __extn: { fn: "ip", arg: v } };
    else out[key] = v;
  }
  return out;
}

/** One prepared call per request, built before timing (request translation is not decision work). */
function cedarCall(req, setId, translated) {
  const action = { type: "Action", id: req.action.toLowerCase() };
  const resource = { type: "Resource", id: req.resource };
  const parents = translated.groups
    .filter((g) => globMatch(g, action.id))
    .map((g) => ({ type: "Action", id: g }));
  // Only the entities some policy reads: every entity costs Cedar a conversion per call, and the
  // peer should run at its best. An action outside every group, or a set whose resources are all
  // `*`, needs no entity (an unknown entity has no parents and no attributes).
  const entities = [];
  if (parents.length > 0) entities.push({ uid: action, attrs: {}, parents });
  if (translated.readsPath)
    entities.push({ uid: resource, attrs: { path: req.resource }, parents: [] });
  return {
    principal: { type: "Agent", id: "agent" },
    action,
    resource,
    context: cedarContext(req.context, translated.keyTypes),
    preparsedPolicySetId: setId,
    entities,
  };
}

let setCounter = 0;

/**
 * Build the peer: translate, preparse, prepare the calls. `decide(i)` answers request i with
 * "Allow" | "Deny" | "RequireApproval", or "Error: ..." when Cedar reports an evaluation error
 * (which would mean the translation is wrong; it counts as a disagreement).
 */
export function createCedarPeer(docs, requests) {
  const t0 = performance.now();
  const translated = toCedar(docs);
  const setId = `sekuire-bench-${setCounter++}`;
  const parsed = cedar.preparsePolicySet(setId, { staticPolicies: translated.policies });
  if (parsed.type !== "success") {
    throw new Error(`cedar preparse failed: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  }
  const prepareMs = performance.now() - t0;
  const calls = requests.map((req) => cedarCall(req, setId, translated));
  const decide = (i) => {
    const answer = cedar.statefulIsAuthorized(calls[i]);
    if (answer.type !== "success") return `Error: ${answer.errors[0]?.message}`;
    const { decision, diagnostics } = answer.response;
    if (diagnostics.errors.length > 0) return `Error: ${diagnostics.errors[0].error.message}`;
    if (decision === "deny") return "Deny";
    return diagnostics.reason.some((id) => id.startsWith("approval")) ? "RequireApproval" : "Allow";
  };
  return { name: "cedar", prepareMs, decide, policyCount: Object.keys(translated.policies).length };
}
