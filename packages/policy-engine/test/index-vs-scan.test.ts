/**
 * The index is an optimisation only: for random policy sets and requests, visiting candidates
 * from the index must decide exactly as visiting every statement does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SAME } from "../src/compile/table.js";
import { evaluateWith } from "../src/evaluate/evaluate.js";
import {
  type CompiledPolicySet,
  compile,
  type DecisionRequest,
  parsePolicy,
} from "../src/index.js";
import type { ConditionIR } from "../src/ir.js";

const actions = [
  "file:Read",
  "file:Write",
  "file:*",
  "db:Select",
  "db:*",
  "*",
  "tool:git:*",
  "*:Delete",
  "api:G?t",
  "tool:bash:execute",
];
const resources = [
  "*",
  "file://ws/*",
  "file://ws/tmp/*",
  "file://ws/tmp/a.txt",
  "db://prod/*",
  "db://prod/users",
  "https://api.example.com/v1/*",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not a JS template
  "file://ws/${agent.id}/*",
  "*/secrets/*",
  "db://*/users",
  // Keys deeper than the index keeps (12 `/`), and `/`s in a query.
  "file://ws/a/b/c/d/e/f/g/h/i/j/k/l/*",
  "https://api.example.com/v1/jobs?next=/a/*",
];
const conditions = [
  undefined,
  { StringEquals: { "context.env": "prod" } },
  { NumericLessThan: { "context.cost": 10 } },
  { IpAddress: { "source.ip": ["10.0.0.0/8"] } },
  { Bool: { "encryption.enabled": true } },
  { StringLike: { "resource.path": "/tmp/*" } },
  // Same keys, other operators and readers: the per-request value memo must keep them apart.
  { StringNotEquals: { "context.env": "dev" } },
  { StringEqualsIgnoreCase: { "context.env": "PROD" } },
  { NumericGreaterThan: { "context.cost": 5 }, NotIpAddress: { "source.ip": ["10.1.0.0/16"] } },
  { "ForAnyValue:StringEquals": { "context.env": ["prod", "dev"] } },
  // Variables (spec §8): unevaluable ones err before any absent-key result, in every shortcut.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not a JS template
  { StringNotEquals: { "context.owner": "${agent.id}" } },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not a JS template
  { StringEqualsIfExists: { "context.owner": "${agent.id}" } },
];

const statementArb = fc.record({
  effect: fc.constantFrom("Allow", "Allow", "Deny"),
  not: fc.constantFrom(false, false, false, true),
  actions: fc.subarray(actions, { minLength: 1, maxLength: 3 }),
  resources: fc.subarray(resources, { minLength: 1, maxLength: 3 }),
  condition: fc.constantFrom(...conditions),
});

type GeneratedStatement = typeof statementArb extends fc.Arbitrary<infer T> ? T : never;

function toDoc(stmts: GeneratedStatement[]) {
  return {
    Version: "2024-12-02",
    Statement: stmts.map((s) => ({
      Effect: s.effect,
      [s.not ? "NotAction" : "Action"]: s.actions,
      Resource: s.resources,
      ...(s.condition ? { Condition: s.condition } : {}),
    })),
    RequireApproval: { Actions: ["db:Update"] },
  };
}

const requestArb = fc.record({
  action: fc.constantFrom(
    // Several spellings of one action, and invalid ones: plans are kept by the text as requested.
    "FILE:read",
    "file:read",
    "Db:SeLeCt",
    "file",
    "db:select:x:y",
    "file:Read",
    "file:Write",
    "db:Select",
    "db:Delete",
    "db:Update",
    "tool:git:commit",
    "api:Get",
    "api:Put",
  ),
  resource: fc.constantFrom(
    "file://ws/tmp/a.txt",
    "file://ws/bob/x",
    "db://prod/users",
    "db://test/users",
    "https://api.example.com/v1/jobs",
    "*",
    "file://other/secrets/k",
    // Spellings canonicalisation rewrites: the index keys are then hashed from the rewrite.
    "FILE://WS/tmp/a.txt",
    "file://ws/%74mp/a.txt",
    "file://ws//tmp/./a.txt",
    "https://API.example.com:443/v1/jobs?next=/a/b",
    "https://api.example.com/v1/jobs?next=/a/b",
    "file://ws/a/b/c/d/e/f/g/h/i/j/k/l/m/n",
    "file://ws/a/b/c/d/e/f/g/h/i/j/k/l",
  ),
  context: fc.record(
    {
      "context.env": fc.constantFrom("prod", "dev"),
      "context.cost": fc.constantFrom(1, 50, "x"),
      "source.ip": fc.constantFrom("10.1.2.3", "8.8.8.8"),
      encryption: fc.record({ enabled: fc.boolean() }),
      "agent.id": fc.constantFrom("bob", "", { id: "bob" }, ["bob"]),
      "context.owner": fc.constantFrom("bob", "eve"),
    },
    { requiredKeys: [] },
  ),
});

/** Index and memo decide as the plain scan; `plant` may break the compiled set to prove it. */
function indexAsScan(plant?: (set: CompiledPolicySet) => void) {
  return fc.property(
    fc.array(fc.array(statementArb, { minLength: 1, maxLength: 30 }), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.array(requestArb, { minLength: 1, maxLength: 10 }),
    (policies, requests) => {
      const parsed = policies.map((p, i) => {
        const r = parsePolicy(toDoc(p));
        if (!r.ok) throw new Error(JSON.stringify(r.findings));
        return { id: `p${i}`, policy: r.policy };
      });
      const set = compile(parsed);
      plant?.(set);
      // Twice over: the second pass meets the action plans the first one kept.
      for (const req of [...requests, ...requests]) {
        const fast = evaluateWith(set, req, undefined, false);
        const scan = evaluateWith(set, req, undefined, true, false);
        expect(fast).toEqual(scan);
      }
    },
  );
}

describe("index and memo against a full scan without memo", () => {
  it("on random policy sets large enough to be indexed", () => {
    fc.assert(indexAsScan(), { numRuns: 300 });
  });

  it("catches a shortcut that forgets a Resource list's variable (planted bug)", () => {
    // A compile that let `["*", "file://ws/${agent.id}/*"]` skip the resource check would let the
    // star grant while the variable cannot be evaluated; the property must notice.
    const forgetTemplates = (set: CompiledPolicySet) => {
      for (const st of set.statements)
        if (!st.ir.notResource && st.ir.resources.some((r) => r.pattern.isStar))
          st.anyResource = true;
    };
    const result = fc.check(indexAsScan(forgetTemplates), { numRuns: 300 });
    expect(result.failed).toBe(true);
  });
});

/** The index with and without the memo must decide as the plain scan without memo. */
function expectAsScan(set: CompiledPolicySet, req: DecisionRequest): void {
  const scan = evaluateWith(set, req, undefined, true, false);
  expect(evaluateWith(set, req, undefined, false)).toEqual(scan);
  expect(evaluateWith(set, req, undefined, false, false)).toEqual(scan);
}

/**
 * Threshold groups (resource-index.ts): statements on Resource `*` whose only test is one ordered
 * comparison are binary-searched by threshold; they must decide as the plain scan does, for
 * values below, at and above thresholds, absent, null, unreadable and lists.
 */
const comparisons = [
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateLessThan",
  "DateGreaterThanEquals",
];
const thresholdArb = fc.record({
  effect: fc.constantFrom("Allow", "Allow", "Deny"),
  action: fc.constantFrom("db:Select", "db:Select", "db:Select", "db:*", "*"),
  resource: fc.constantFrom("*", "*", "*", "db://prod/*"),
  // Weighted so that groups (four or more of one kind in one list) form often.
  operator: fc.constantFrom(
    ...comparisons,
    "NumericLessThan",
    "NumericLessThan",
    "NumericGreaterThanEquals",
    "NumericLessThanIfExists",
    "NumericNotEquals",
    // Equal conditions (few distinct values) form groups that test their condition once.
    "StringEquals",
    "StringEquals",
    "StringEquals",
  ),
  threshold: fc.integer({ min: 0, max: 8 }),
  extra: fc.constantFrom(undefined, undefined, undefined, { Bool: { "encryption.enabled": true } }),
});

function thresholdDoc(stmts: Array<typeof thresholdArb extends fc.Arbitrary<infer T> ? T : never>) {
  return {
    Version: "2024-12-02",
    Statement: stmts.map((s) => {
      const date = s.operator.startsWith("Date");
      const comparison = comparisons.includes(s.operator);
      const value = date
        ? `2024-01-0${s.threshold + 1}T00:00:00Z`
        : s.operator === "StringEquals"
          ? ["prod", "dev"][s.threshold % 2]
          : comparison
            ? s.threshold
            : s.threshold % 2;
      const key = date
        ? "context.when"
        : s.operator === "StringEquals"
          ? "context.env"
          : "context.cost";
      return {
        Effect: s.effect,
        Action: s.action,
        Resource: s.resource,
        Condition: { [s.operator]: { [key]: value }, ...(s.extra ?? {}) },
      };
    }),
  };
}

describe("threshold groups against a full scan without memo", () => {
  it("on random sets of one-comparison statements", () => {
    const cost = fc.constantFrom(-1, 0, 2, 3.5, 4, 8, 9, "4", "x", null, [1, 5], undefined);
    const when = fc.constantFrom(
      "2024-01-01T00:00:00Z",
      "2024-01-04T12:00:00Z",
      "2024-01-05T00:00:00Z",
      "2025-01-01T00:00:00Z",
      "yesterday",
      // Spec §8: a JSON number is epoch seconds, a numeric string is unreadable.
      1704326400,
      "1704326400",
      "1e3",
      undefined,
    );
    const env = fc.constantFrom("prod", "dev", ["prod"], 7, undefined);
    fc.assert(
      fc.property(
        fc.array(thresholdArb, { minLength: 20, maxLength: 80 }),
        fc.array(fc.tuple(cost, when, env, fc.boolean(), fc.constantFrom("*", "db://prod/t")), {
          minLength: 1,
          maxLength: 8,
        }),
        (stmts, reqs) => {
          const r = parsePolicy(thresholdDoc(stmts));
          if (!r.ok) throw new Error(JSON.stringify(r.findings));
          const set = compile([{ id: "p", policy: r.policy }]);
          for (const [c, w, e, enc, resource] of reqs) {
            const context: Record<string, unknown> = { encryption: { enabled: enc } };
            if (e !== undefined) context["context.env"] = e;
            if (c !== undefined) context["context.cost"] = c;
            if (w !== undefined) context["context.when"] = w;
            const req = { action: "db:Select", resource, context };
            expectAsScan(set, req);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * Filter groups (filter-group.ts): statements on Resource `*` whose conditions all compare one
 * request value are grouped by one condition's value and skipped when it fails; they must decide
 * (errors included) as the plain scan does, for absent, null, unreadable, listed and thrown values.
 */
const filterConditions: Array<[operator: string, key: string, values: unknown[]]> = [
  ["IpAddress", "source.ip", ["10.0.0.0/8"]],
  ["IpAddress", "source.ip", ["192.168.0.0/16", "10.1.0.0/16"]],
  ["NotIpAddress", "source.ip", ["10.1.0.0/16"]],
  ["IpAddressIfExists", "source.ip", ["8.8.8.0/24"]],
  // Ranges of every kind the lead index files by prefix length (or leaves to the full visit).
  ["IpAddress", "source.ip", ["0.0.0.0/0"]],
  ["IpAddress", "source.ip", ["128.0.0.0/1", "10.1.2.3/32"]],
  ["IpAddress", "source.ip", ["10.1.0.0/17", "10.1.128.0/17"]],
  ["IpAddress", "source.ip", ["2001:db8::/32"]],
  ["IpAddress", "source.ip", ["10.0.0.0/8", "2001:db8::/32"]],
  ["IpAddress", "source.ip", ["::ffff:10.0.0.0/104", "::ffff:0:0/95"]],
  ["StringEquals", "context.env", ["prod"]],
  ["StringEquals", "context.env", ["dev", "test"]],
  ["StringNotEquals", "context.env", ["prod"]],
  ["StringEqualsIgnoreCase", "context.env", ["PROD"]],
  ["Bool", "encryption.enabled", [true]],
  ["NumericLessThan", "context.cost", [5]],
  ["NumericGreaterThanEquals", "context.cost", [3]],
  // Variables: never in a group (their test may err whatever the value), always in full.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not a JS template
  ["StringNotEquals", "context.env", ["${agent.id}"]],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a policy variable, not a JS template
  ["NumericLessThanIfExists", "context.cost", ["${context.quota}"]],
];
const filterArb = fc.record({
  effect: fc.constantFrom("Allow", "Allow", "Deny"),
  action: fc.constantFrom("db:Select", "db:Select", "db:*"),
  // Both `*` and a prefix: the statement sits in a filter group and in a keyed list.
  resource: fc.constantFrom<string | string[]>("*", "*", "*", "db://prod/*", ["*", "db://prod/*"]),
  conditions: fc.uniqueArray(fc.integer({ min: 0, max: filterConditions.length - 1 }), {
    minLength: 1,
    maxLength: 3,
  }),
});

function filterDoc(stmts: Array<typeof filterArb extends fc.Arbitrary<infer T> ? T : never>) {
  return {
    Version: "2024-12-02",
    Statement: stmts.map((s) => {
      const Condition: Record<string, Record<string, unknown[]>> = {};
      for (const i of s.conditions) {
        const [operator, key, values] = filterConditions[i] as [string, string, unknown[]];
        Condition[operator] = { ...Condition[operator], [key]: values };
      }
      return { Effect: s.effect, Action: s.action, Resource: s.resource, Condition };
    }),
  };
}

describe("filter groups against a full scan without memo", () => {
  it("on random sets of statements whose conditions compare request values", () => {
    let grouped = 0;
    const ip = fc.constantFrom(
      "10.1.2.3",
      "10.1.200.1",
      "10.200.1.1",
      "128.1.1.1",
      "192.168.1.1",
      "8.8.8.8",
      "2001:db8::1",
      "::ffff:10.1.2.3",
      "x",
      ["10.1.2.3"],
      null,
    );
    const env = fc.constantFrom("prod", "dev", "PROD", 7, ["prod"], null);
    const cost = fc.constantFrom(1, 4, 9, "x", [1], null);
    const enc = fc.constantFrom(true, false, "true", "maybe", [true], null);
    const value = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(filterArb, { minLength: 10, maxLength: 60 }),
        fc.array(
          fc.tuple(value(ip), value(env), value(cost), value(enc), fc.boolean(), fc.boolean()),
          { minLength: 1, maxLength: 8 },
        ),
        (stmts, reqs) => {
          const r = parsePolicy(filterDoc(stmts));
          if (!r.ok) throw new Error(JSON.stringify(r.findings));
          const set = compile([{ id: "p", policy: r.policy }]);
          if (hasFilters(set)) grouped++;
          expect(groupedTemplates(set)).toEqual([]);
          for (const [i, e, c, b, throwing, star] of reqs) {
            const context: Record<string, unknown> = {};
            if (i !== undefined) context["source.ip"] = i;
            if (e !== undefined) context["context.env"] = e;
            if (c !== undefined) context["context.cost"] = c;
            if (b !== undefined) context["encryption.enabled"] = b;
            // The variables above: present for some requests, unevaluable for the others.
            if (star) context["agent.id"] = "prod";
            if (throwing) context["context.quota"] = 5;
            if (throwing)
              Object.defineProperty(context, "context.cost", {
                enumerable: true,
                get() {
                  throw new Error("unreadable");
                },
              });
            const req = { action: "db:Select", resource: star ? "*" : "db://prod/t", context };
            expectAsScan(set, req);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property means something only if groups formed in most runs.
    expect(grouped).toBeGreaterThan(200);
  });
});

/**
 * The keys of conditions with variables that sit in a filter or threshold group: groups read
 * absent and clean values ahead of the variable, so a variable there would skip its error.
 */
function groupedTemplates(set: object): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== "object" || seen.has(x)) return;
    seen.add(x);
    const list = x as { filters?: Array<{ members: Array<{ conds: ConditionIR[] }> }> };
    const groups = (x as { groups?: Array<{ kind: number; cond: ConditionIR }> }).groups;
    if (Array.isArray(x) && list.filters)
      for (const g of list.filters)
        for (const m of g.members)
          for (const c of m.conds) if (c.staticValues === null) out.push(c.key);
    if (Array.isArray(x) && groups)
      for (const g of groups)
        if (g.kind !== SAME && g.cond.staticValues === null) out.push(g.cond.key);
    for (const v of x instanceof Map ? x.values() : Object.values(x)) visit(v);
  };
  visit(set);
  return out;
}

/** Whether any candidate list of the set has a filter group. */
function hasFilters(set: object): boolean {
  const seen = new Set<unknown>();
  const visit = (x: unknown): boolean => {
    if (x === null || typeof x !== "object" || seen.has(x)) return false;
    seen.add(x);
    if (Array.isArray(x) && (x as { filters?: unknown[] }).filters?.length) return true;
    const values = x instanceof Map ? [...x.values()] : Object.values(x);
    return values.some(visit);
  };
  return visit(set);
}
