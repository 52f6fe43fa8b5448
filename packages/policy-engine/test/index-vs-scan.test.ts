/**
 * The index is an optimisation only: for random policy sets and requests, visiting candidates
 * from the index must decide exactly as visiting every statement does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateWith } from "../src/evaluate/evaluate.js";
import { compile, parsePolicy } from "../src/index.js";

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
  ),
  context: fc.record(
    {
      "context.env": fc.constantFrom("prod", "dev"),
      "context.cost": fc.constantFrom(1, 50, "x"),
      "source.ip": fc.constantFrom("10.1.2.3", "8.8.8.8"),
      encryption: fc.record({ enabled: fc.boolean() }),
      "agent.id": fc.constantFrom("bob", ""),
    },
    { requiredKeys: [] },
  ),
});

describe("index and memo against a full scan without memo", () => {
  it("on random policy sets large enough to be indexed", () => {
    fc.assert(
      fc.property(
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
          // Twice over: the second pass meets the action plans the first one kept.
          for (const req of [...requests, ...requests]) {
            const fast = evaluateWith(set, req, undefined, false);
            const scan = evaluateWith(set, req, undefined, true, false);
            expect(fast).toEqual(scan);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
