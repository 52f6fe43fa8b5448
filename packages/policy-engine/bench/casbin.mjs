/**
 * Peer 2: the same rules in casbin (node-casbin), an ABAC model, `enforceSync` per decision.
 *
 * Mapping (README.md, "Peers"):
 * - One policy row per action x resource of a statement: [action, resource regex, condition, eft].
 * - Actions: `keyMatch` (a trailing `*` is a prefix match), both sides lower-cased beforehand since
 *   actions match case-insensitively. Resources: `regexMatch` against the glob as an anchored,
 *   escaped regular expression (this conversion lives only here, in the peer).
 * - Conditions: `eval(p.cond)`, an expression over the request's attribute object `r.sub`, whose
 *   keys are the condition keys renamed k0, k1, ... (dots cannot appear in casbin identifiers).
 *   Every test checks presence first, so an absent key makes a positive test false (spec §4).
 * - Effect deny-override: `some(where (p.eft == allow)) && !some(where (p.eft == deny))`.
 * - RequireApproval: one unconditioned allow row per approval action pattern, placed last. casbin
 *   answers a boolean, so true on an approval action means "no Deny matched" -> RequireApproval
 *   (the action test against the few approval patterns is done outside casbin); false -> Deny.
 */

import { createRequire } from "node:module";
import { globToRegex } from "./glob.mjs";
import { matchesAny, normalise, typedContext } from "./translate.mjs";

const require = createRequire(import.meta.url);
const casbin = require("casbin");

export const casbinVersion = () => require("casbin/package.json").version;

const MODEL = `
[request_definition]
r = act, obj, sub

[policy_definition]
p = act, obj, cond, eft

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = keyMatch(r.act, p.act) && regexMatch(r.obj, p.obj) && eval(p.cond)
`;

/** A quoted literal for casbin's expression language; generated values are plain ASCII. */
function lit(s) {
  if (!/^[\w .:/-]*$/.test(s)) throw new Error(`casbin peer: unexpected characters in ${s}`);
  return `'${s}'`;
}

const anyOf = (parts) => (parts.length === 1 ? parts[0] : `(${parts.join(" || ")})`);

function testExpr({ op, values }, name) {
  const v = `r.sub.${name}`;
  let body;
  if (op === "StringEquals") body = anyOf(values.map((x) => `${v} == ${lit(String(x))}`));
  else if (op === "NumericLessThan") body = anyOf(values.map((x) => `${v} < ${Number(x)}`));
  else if (op === "IpAddress") body = anyOf(values.map((x) => `ipMatch(${v}, ${lit(x)})`));
  else body = anyOf(values.map((x) => `${v} == ${String(x).toLowerCase() === "true"}`));
  return `(${v} != null && ${body})`;
}

/** Rows for the documents, deduplicated (casbin refuses a batch holding a duplicate row). */
export function toCasbin(docs) {
  const { statements, approvals, keyTypes } = normalise(docs);
  const names = new Map([...keyTypes.keys()].map((k, i) => [k, `k${i}`]));
  const rows = new Map();
  for (const st of statements) {
    const cond = st.tests.map((t) => testExpr(t, names.get(t.key))).join(" && ") || "true";
    const eft = st.effect === "Deny" ? "deny" : "allow";
    for (const a of st.actions) {
      for (const r of st.resources) {
        const row = [a, globToRegex(r), cond, eft];
        rows.set(row.join("\u0000"), row);
      }
    }
  }
  for (const a of approvals) rows.set(`approval\u0000${a}`, [a, "^.*$", "true", "allow"]);
  return { rows: [...rows.values()], approvals, keyTypes, names };
}

function casbinSub(ctx, keyTypes, names) {
  const out = {};
  for (const [key, v] of Object.entries(typedContext(ctx, keyTypes))) out[names.get(key)] = v;
  return out;
}

/** Build the peer; `decide(i)` answers request i with "Allow" | "Deny" | "RequireApproval". */
export async function createCasbinPeer(docs, requests) {
  const t0 = performance.now();
  const translated = toCasbin(docs);
  const enforcer = await casbin.newEnforcer(casbin.newModelFromString(MODEL));
  if (!(await enforcer.addPolicies(translated.rows))) throw new Error("casbin refused the rows");
  const prepareMs = performance.now() - t0;
  const calls = requests.map((req) => [
    req.action.toLowerCase(),
    req.resource,
    casbinSub(req.context, translated.keyTypes, translated.names),
  ]);
  const { approvals } = translated;
  const decide = (i) => {
    const [act, obj, sub] = calls[i];
    if (!enforcer.enforceSync(act, obj, sub)) return "Deny";
    return matchesAny(act, approvals) ? "RequireApproval" : "Allow";
  };
  return { name: "casbin", prepareMs, decide, policyCount: translated.rows.length };
}
