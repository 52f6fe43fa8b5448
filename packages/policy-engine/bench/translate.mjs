/**
 * What both peers need from a policy document, read straight from the JSON (never from the engine
 * under test, so a parsing bug in the engine cannot leak into the peers).
 *
 * Only the subset the peers can express faithfully is accepted; anything else throws, so a peer
 * never silently benchmarks different rules: Action/Resource lists (no NotAction/NotResource),
 * action patterns with at most one trailing `*` (casbin keyMatch), resource patterns with `*` only
 * (Cedar `like`), and the condition operators below on one value type per key.
 */

/** Condition operator -> value type of its key in the request. */
export const OPERATOR_TYPES = {
  StringEquals: "string",
  NumericLessThan: "decimal",
  IpAddress: "ip",
  Bool: "bool",
};

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function checkAction(p) {
  const star = p.indexOf("*");
  if (p.includes("?") || (star !== -1 && star !== p.length - 1)) {
    throw new Error(`peer cannot express action pattern ${JSON.stringify(p)}`);
  }
  return p.toLowerCase(); // actions match case-insensitively (spec §2): fold once, here
}

function checkResource(p) {
  if (p.includes("?") || p.includes("${")) {
    throw new Error(`peer cannot express resource pattern ${JSON.stringify(p)}`);
  }
  return p;
}

function readConditions(condition, keyTypes) {
  const tests = [];
  for (const [op, keys] of Object.entries(condition ?? {})) {
    const type = OPERATOR_TYPES[op];
    if (!type) throw new Error(`peer cannot express operator ${op}`);
    for (const [key, raw] of Object.entries(keys)) {
      if (keyTypes.has(key) && keyTypes.get(key) !== type) {
        throw new Error(
          `peer needs one type per key; ${key} is both ${keyTypes.get(key)} and ${type}`,
        );
      }
      keyTypes.set(key, type);
      tests.push({ op, key, type, values: asList(raw) });
    }
  }
  return tests;
}

/**
 * Normalise documents: { statements: [{ effect, actions, resources, tests }], approvals, keyTypes }.
 * `approvals` is every RequireApproval action pattern of every policy (lower-case).
 */
export function normalise(docs) {
  const statements = [];
  const approvals = [];
  const keyTypes = new Map();
  for (const { doc } of docs) {
    for (const st of asList(doc.Statement)) {
      if (st.NotAction !== undefined || st.NotResource !== undefined) {
        throw new Error("peer cannot express NotAction/NotResource");
      }
      statements.push({
        effect: st.Effect,
        actions: asList(st.Action).map(checkAction),
        resources: asList(st.Resource).map(checkResource),
        tests: readConditions(st.Condition, keyTypes),
      });
    }
    approvals.push(...asList(doc.RequireApproval?.Actions).map(checkAction));
  }
  return { statements, approvals, keyTypes };
}

/** Spec §4 / semantics.md 9: a literal dotted key first, then the nested path; own props only. */
export function lookup(ctx, key) {
  if (ctx == null) return undefined;
  if (Object.hasOwn(ctx, key)) return ctx[key];
  let cur = ctx;
  for (const part of key.split(".")) {
    if (cur == null || typeof cur !== "object" || !Object.hasOwn(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A request value as the key's type, reading strings as leniently as spec §4/§8 do. */
function readAs(type, v) {
  if (type === "string") return typeof v === "string" ? v : undefined;
  if (type === "decimal") {
    const n = typeof v === "string" && JSON_NUMBER.test(v) ? Number(v) : v;
    return typeof n === "number" && Number(n.toFixed(4)) === n ? n : undefined;
  }
  if (type === "ip")
    return typeof v === "string" && /^\d{1,3}(\.\d{1,3}){3}$/.test(v) ? v : undefined;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return typeof v === "boolean" ? v : undefined;
}

/**
 * The request's value for each condition key, flattened and typed: the request translation a
 * Cedar or casbin application would do, outside the timed calls. Peers cannot model evaluation
 * errors (§8), so the generator never produces unreadable values and this throws if it ever does.
 * Absent and null both mean absent.
 */
export function typedContext(ctx, keyTypes) {
  const out = {};
  for (const [key, type] of keyTypes) {
    const v = lookup(ctx, key);
    if (v === undefined || v === null) continue;
    const typed = readAs(type, v);
    if (typed === undefined)
      throw new Error(`peer cannot read ${key}=${JSON.stringify(v)} as ${type}`);
    out[key] = typed;
  }
  return out;
}

/** Whether a lower-cased action matches one of the lower-cased trailing-`*` patterns. */
export function matchesAny(action, patterns) {
  for (const p of patterns) {
    if (p.endsWith("*") ? action.startsWith(p.slice(0, -1)) : action === p) return true;
  }
  return false;
}
