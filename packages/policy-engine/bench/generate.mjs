/**
 * Deterministic benchmark inputs: generated policy sets and a request mix.
 *
 * Everything comes from one seeded PRNG, so a run with the same seed and size benchmarks exactly the
 * same documents and requests on every machine. The generated documents use only features that both
 * peers (Cedar, casbin) can express faithfully (see README.md, "Generated sets"): trailing `*` in
 * action patterns, `*` in resource paths, and four condition operators on well-typed values.
 */

import { globMatch } from "./glob.mjs";

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** The action catalog (spec §2) the generated statements draw from, by service. */
export const SERVICES = {
  file: ["Read", "Write", "Delete", "List"],
  db: ["Select", "Insert", "Update", "Delete", "Schema"],
  api: ["Get", "Post", "Put", "Delete"],
  tool: ["bash:execute", "git:commit", "git:push", "docker:run", "docker:build", "npm:install"],
  data: ["ReadPII", "ReadFinancial", "ReadHealth", "WriteHealth"],
};

/** Which resource family each service's statements name. */
const FAMILY = { file: "file", tool: "file", db: "db", data: "db", api: "api" };

/** Trailing wildcards only: casbin's keyMatch understands nothing else. */
const ACTION_WILDCARDS = {
  file: ["file:*"],
  db: ["db:*"],
  api: ["api:*"],
  tool: ["tool:git:*", "tool:docker:*", "tool:*"],
  data: ["data:Read*"],
};

/** Actions no generated statement ever names (no service "agent"): requests with them are sure misses. */
const FOREIGN_ACTIONS = ["agent:Call", "agent:Delegate", "agent:Subscribe"];

/** Concrete actions that may carry Resource "*" (always with a condition, like the templates). */
const GLOBAL_ACTIONS = ["file:List", "api:Get", "db:Select"];
/** Share of statements on Resource "*": they defeat resource indexes, so they drive the tail. */
const GLOBAL_SHARE = 0.03;

export const CATALOG = Object.entries(SERVICES).flatMap(([s, as]) => as.map((a) => `${s}:${a}`));

const ENVIRONMENTS = ["production", "staging", "development", "test"];
const CIDRS = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "203.0.113.0/24", "10.1.0.0/16"];
/** Request addresses: inside and outside every CIDR above. */
const IP_POOLS = ["10.*.*.*", "10.1.*.*", "172.20.*.*", "172.40.*.*", "192.168.*.*", "8.8.*.*"];

/** Resource patterns by family: `h` is the host id, `m` a sub id, `*` a wildcard. */
const RESOURCE_SHAPES = {
  file: [
    [50, (h, m) => `file://ws${h}/dir${m}/*`],
    [15, (h) => `file://ws${h}/*`],
    [20, (h, m) => `file://ws${h}/dir${m}/f${m * 7}.txt`],
    [15, (h) => `file://ws${h}/*/logs/*`],
  ],
  db: [
    [50, (h, m) => `db://db${h}/table${m}`],
    [30, (h) => `db://db${h}/*`],
    [20, (h, m) => `db://db${h}/table${m}/*`],
  ],
  api: [
    [50, (h) => `https://api${h}.example.com/v1/*`],
    [25, (h, m) => `https://api${h}.example.com/v1/items/${m}`],
    [25, (h) => `https://api${h}.example.com/*`],
  ],
};

function weighted(r, table) {
  let x = r.int(table.reduce((s, [w]) => s + w, 0));
  for (const [w, v] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1][1];
}

/** Hosts per family grow with the set so that big sets name many distinct resources. */
const hostsFor = (n) => Math.max(2, Math.ceil(n / 20));
const SUB_IDS = 10;

function genCondition(r) {
  const ops = ["StringEquals", "NumericLessThan", "IpAddress", "Bool"];
  const first = r.int(4);
  const picked = r.chance(0.3) ? [first, (first + 1 + r.int(3)) % 4] : [first];
  const cond = {};
  for (const i of picked) {
    const op = ops[i];
    if (op === "StringEquals") {
      const vals = [r.pick(ENVIRONMENTS)];
      if (r.chance(0.4)) vals.push(r.pick(ENVIRONMENTS.filter((e) => e !== vals[0])));
      cond[op] = { "context.environment": vals.length === 1 ? vals[0] : vals };
    } else if (op === "NumericLessThan") {
      cond[op] = { "context.cost": (100 + r.int(1900)) / 100 };
    } else if (op === "IpAddress") {
      const vals = [r.pick(CIDRS)];
      if (r.chance(0.3)) vals.push(r.pick(CIDRS.filter((c) => c !== vals[0])));
      cond[op] = { "source.ip": vals.length === 1 ? vals[0] : vals };
    } else {
      cond[op] = { "encryption.enabled": r.chance(0.7) };
    }
  }
  return cond;
}

function genStatement(r, hosts, sid) {
  const st = { Sid: sid, Effect: r.chance(0.2) ? "Deny" : "Allow" };
  if (r.chance(GLOBAL_SHARE)) {
    // A "global read" statement (Resource "*"), always conditioned, as in the seed templates.
    st.Action = r.pick(GLOBAL_ACTIONS);
    st.Resource = "*";
    st.Condition = genCondition(r);
    return st;
  }
  const service = r.pick(Object.keys(SERVICES));
  if (r.chance(0.1)) {
    st.Action = r.pick(ACTION_WILDCARDS[service]);
  } else {
    const names = SERVICES[service];
    const count = 1 + r.int(3);
    const set = new Set();
    for (let i = 0; i < count; i++) set.add(`${service}:${r.pick(names)}`);
    // One statement in twenty spells its actions in upper case (they match case-insensitively).
    const upper = r.chance(0.05);
    const actions = [...set].map((a) => (upper ? a.toUpperCase() : a));
    st.Action = actions.length === 1 ? actions[0] : actions;
  }
  const shapes = RESOURCE_SHAPES[FAMILY[service]];
  const resources = new Set();
  const count = r.chance(0.3) ? 2 : 1;
  for (let i = 0; i < count; i++) resources.add(weighted(r, shapes)(r.int(hosts), r.int(SUB_IDS)));
  st.Resource = resources.size === 1 ? [...resources][0] : [...resources];
  if (r.chance(0.3)) st.Condition = genCondition(r);
  return st;
}

/**
 * A generated set of `statements` statements, spread over several policies:
 * 10 a policy up to 1,000 statements (so 100 policies of 10), then 100 policies of 100.
 */
export function generateSet(statements, seed = 1) {
  const r = rng(seed * 7919 + statements);
  const hosts = hostsFor(statements);
  const perPolicy = statements <= 1000 ? Math.min(10, statements) : Math.ceil(statements / 100);
  const docs = [];
  for (let made = 0, p = 0; made < statements; p++) {
    const n = Math.min(perPolicy, statements - made);
    const Statement = [];
    for (let i = 0; i < n; i++) Statement.push(genStatement(r, hosts, `S${i}`));
    made += n;
    const doc = { Version: "2024-12-02", Description: `generated ${p}`, Statement };
    // Limits and audit settings ride along so the engine merges them as it would in production.
    doc.ResourceLimits = { MaxTokens: 1000 * (1 + r.int(100)), MaxExecutionTime: "300s" };
    if (r.chance(0.5)) doc.AuditLog = { Required: true, RetentionDays: 30 + r.int(300) };
    docs.push({ id: `gen${p}`, doc });
  }
  return { docs, hosts };
}

/* ------------------------------------------------------------------ requests */

const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const statementsOf = (doc) => asList(doc.Statement);

function randomIp(r, pool) {
  return pool.replace(/\*/g, () => String(r.int(256)));
}

function ipInCidr(r, cidr) {
  const [addr, bits] = cidr.split("/");
  const base = addr.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const n = base + r.int(size);
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** Request values by condition key; each key is absent 15% of the time and null 3%. */
function randomValues(r) {
  const v = new Map([["agent.id", `agent-${r.int(50)}`]]);
  const maybe = (key, make) => {
    if (r.chance(0.03)) v.set(key, null);
    else if (!r.chance(0.15)) v.set(key, make());
  };
  maybe("context.environment", () => r.pick(ENVIRONMENTS));
  maybe("context.cost", () => r.int(2500) / 100);
  maybe("source.ip", () => randomIp(r, r.pick(IP_POOLS)));
  maybe("encryption.enabled", () => r.chance(0.6));
  return v;
}

/** Make every test of a Condition block hold (only the four generated operators). */
function satisfy(r, values, condition) {
  for (const [op, keys] of Object.entries(condition ?? {})) {
    for (const [key, raw] of Object.entries(keys)) {
      const v = r.pick(asList(raw));
      if (op === "StringEquals") values.set(key, v);
      else if (op === "NumericLessThan") values.set(key, r.int(Math.round(Number(v) * 100)) / 100);
      else if (op === "IpAddress") values.set(key, ipInCidr(r, v));
      else if (op === "Bool") values.set(key, v);
    }
  }
}

/**
 * The request context: each key either literal (`{"source.ip": ...}`) or as a nested path
 * (`{"source": {"ip": ...}}`), spec §4; numbers and booleans sometimes as the strings the spec
 * reads leniently ("12.5", "TRUE"), so those paths of the engine are exercised too.
 */
function toContext(r, values) {
  const ctx = {};
  for (const [key, raw] of values) {
    let v = raw;
    if (typeof v === "number" && r.chance(0.1)) v = String(v);
    if (typeof v === "boolean" && r.chance(0.1)) v = r.pick([String(v), String(v).toUpperCase()]);
    const nested = key === "encryption.enabled" ? r.chance(0.7) : r.chance(0.3);
    if (!nested) {
      ctx[key] = v;
      continue;
    }
    const [head, tail] = key.split(".");
    ctx[head] = { ...(ctx[head] ?? {}), [tail]: v };
  }
  return ctx;
}

/** Actions match case-insensitively (spec §2): one request in ten spells its action oddly. */
const oddCase = (r, action) =>
  r.chance(0.1)
    ? [...action].map((c) => (r.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("")
    : action;

function instantiateAction(r, pattern) {
  if (!pattern.includes("*")) return pattern;
  const hits = CATALOG.filter((a) => globMatch(pattern.toLowerCase(), a.toLowerCase()));
  return hits.length > 0 ? r.pick(hits) : pattern.replace(/\*/g, "x");
}

const FILLERS = (r) =>
  r.pick([`dir${r.int(10)}`, `x${r.int(99)}/y${r.int(9)}.log`, `f${r.int(70)}.txt`]);

/** A resource of the action's family (any family for foreign actions). */
function randomResource(r, hosts, miss, action) {
  const family = FAMILY[action.split(":")[0]] ?? r.pick(["file", "db", "api"]);
  // Misses use host ids no statement names (statements use 0..hosts-1).
  const h = miss ? hosts + 1000 + r.int(1000) : r.int(hosts);
  const shape = weighted(r, RESOURCE_SHAPES[family]);
  return shape(h, r.int(SUB_IDS)).replace(/\*/g, () => FILLERS(r));
}

function instantiateResource(r, pattern, hosts, action) {
  if (pattern === "*") return randomResource(r, hosts, false, action);
  return pattern.replace(/\*/g, () => FILLERS(r));
}

/** Actions that some statement or approval entry grants on any resource: never sure misses. */
function anyResourceActions(docs) {
  const patterns = [];
  for (const { doc } of docs) {
    for (const st of statementsOf(doc)) {
      if (asList(st.Resource).includes("*")) patterns.push(...asList(st.Action));
    }
    patterns.push(...asList(doc.RequireApproval?.Actions));
  }
  const lower = patterns.map((p) => p.toLowerCase());
  return new Set(CATALOG.filter((a) => lower.some((p) => globMatch(p, a.toLowerCase()))));
}

/**
 * One resource in ten is written in a non-canonical spelling that spec §8 canonicalises back:
 * upper-case scheme and host, a `/./` or `/x/../` segment, a doubled `/`, or a %-encoded letter.
 * The generator made the canonical form first, so the peers get it without any canonicaliser.
 */
function noisy(r, resource) {
  const m = /^([a-z]+):\/\/([^/]*)(\/.*)$/.exec(resource);
  if (!m || !r.chance(0.1)) return resource;
  let [, scheme, host, path] = m;
  const slashes = [...path].flatMap((c, i) => (c === "/" ? [i] : []));
  const at = r.pick(slashes);
  const insert = (s) => path.slice(0, at) + s + path.slice(at);
  const kind = r.int(5);
  if (kind === 0) [scheme, host] = [scheme.toUpperCase(), host.toUpperCase()];
  else if (kind === 1) path = insert("/.");
  else if (kind === 2) path = insert("/zz/..");
  else if (kind === 3) path = insert("/");
  else path = path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${scheme}://${host}${path}`;
}

/**
 * `count` requests against `docs`: half built to match a statement or approval entry (with a
 * context that satisfies its conditions three times in four), half sure to match nothing.
 * Returns the requests for the engine and `peerRequests`, the same with canonical resources.
 */
export function generateRequests(docs, hosts, count, seed = 1) {
  const r = rng(seed * 104729 + count);
  const targets = [];
  for (const { doc } of docs) {
    for (const st of statementsOf(doc)) targets.push(st);
    for (const a of asList(doc.RequireApproval?.Actions))
      targets.push({ Action: a, Resource: "*" });
  }
  const globalActions = anyResourceActions(docs);
  const missActions = CATALOG.filter((a) => !globalActions.has(a));
  const requests = [];
  const peerRequests = []; // the same requests with the canonical resource, for the peers
  for (let i = 0; i < count; i++) {
    const values = randomValues(r);
    let action;
    let resource;
    if (r.chance(0.5)) {
      const st = r.pick(targets);
      action = instantiateAction(r, r.pick(asList(st.Action)));
      resource = instantiateResource(r, r.pick(asList(st.Resource)), hosts, action);
      if (r.chance(0.75)) satisfy(r, values, st.Condition);
    } else {
      // A miss by resource (an action some statement names, a host none names) or by action.
      const byResource = missActions.length > 0 && r.chance(0.5);
      action = r.pick(byResource ? missActions : FOREIGN_ACTIONS);
      resource = randomResource(r, hosts, byResource, action);
    }
    const request = {
      action: oddCase(r, action),
      resource: noisy(r, resource),
      context: toContext(r, values),
    };
    requests.push(request);
    peerRequests.push(request.resource === resource ? request : { ...request, resource });
  }
  // As a decision API receives them: parsed from JSON. Strings built with `+` stay V8 ropes,
  // which every engine reads slower than the flat strings a request off the wire holds.
  return JSON.parse(JSON.stringify({ requests, peerRequests }));
}
