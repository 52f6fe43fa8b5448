/** Size bounds of spec §8 and hostile inputs that must come back as findings, never as a crash. */
import { describe, expect, it } from "vitest";
import { evaluateWith } from "../src/evaluate/evaluate.js";
import { compile, evaluate, parsePolicy } from "../src/index.js";

const stmt = { Effect: "Allow", Action: "file:Read", Resource: "file://ws/*" };
const doc = (extra: object) => ({ Version: "2024-12-02", Statement: [stmt], ...extra });
const codes = (input: unknown) => parsePolicy(input).findings.map((f) => `${f.code} ${f.pointer}`);

describe("document bounds", () => {
  it("refuses a document over 256 KiB at once, before parsing", () => {
    const big = JSON.stringify(doc({ Description: "x".repeat(256 * 1024) }));
    expect(codes(big)).toEqual(["DocumentTooLarge "]);
    expect(codes(JSON.parse(big))).toEqual(["DocumentTooLarge "]);
  });

  it("refuses 10 MB of garbage with one finding", () => {
    expect(codes("{".repeat(10 * 1024 * 1024))).toEqual(["DocumentTooLarge "]);
  });

  it("refuses deep nesting in text and in values without exhausting the stack", () => {
    expect(codes(`${"[".repeat(5000)}${"]".repeat(5000)}`)).toEqual(["NestingTooDeep "]);
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(codes({ ...doc({}), Description: deep })[0]).toMatch(/^NestingTooDeep/);
  });

  it("refuses a document that contains itself", () => {
    const cyclic: Record<string, unknown> = doc({});
    cyclic.Description = cyclic;
    expect(codes(cyclic)[0]).toMatch(/^NestingTooDeep/);
  });

  it("allows 1,000 statements and refuses 1,001", () => {
    const many = (n: number) => ({
      Version: "2024-12-02",
      Statement: Array.from({ length: n }, () => stmt),
    });
    expect(parsePolicy(many(1000)).ok).toBe(true);
    expect(codes(many(1001))).toContain("TooManyItems /Statement");
  });

  it("allows 1,000 values in a list and refuses 1,001", () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `file://ws/${i}`);
    expect(parsePolicy(doc({ Statement: [{ ...stmt, Resource: values(1000) }] })).ok).toBe(true);
    expect(codes(doc({ Statement: [{ ...stmt, Resource: values(1001) }] }))).toContain(
      "TooManyItems /Statement/0/Resource",
    );
  });

  it("allows patterns of 2,048 characters and refuses longer", () => {
    const pattern = (n: number) => `file://ws/${"a".repeat(n - 10)}`;
    expect(parsePolicy(doc({ Statement: [{ ...stmt, Resource: pattern(2048) }] })).ok).toBe(true);
    expect(codes(doc({ Statement: [{ ...stmt, Resource: pattern(2049) }] }))).toContain(
      "PatternTooLong /Statement/0/Resource",
    );
  });

  it("keeps __proto__ keys as data and never pollutes prototypes", () => {
    const text =
      '{"Version":"2024-12-02","__proto__":{"polluted":true},"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","__proto__":1}]}';
    const r = parsePolicy(text);
    expect(r.findings.map((f) => `${f.code} ${f.pointer}`)).toEqual(
      expect.arrayContaining(["UnknownField /__proto__", "UnknownField /Statement/0/__proto__"]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("request bounds", () => {
  const parsed = parsePolicy(doc({}));
  if (!parsed.ok) throw new Error("fixture");
  const set = compile([parsed.policy]);

  it("accepts a 16 KiB resource and refuses a longer one", () => {
    const path = (n: number) => `file://ws/${"a".repeat(n - 10)}`;
    expect(evaluate(set, { action: "file:Read", resource: path(16 * 1024) }).decision).toBe(
      "Allow",
    );
    expect(evaluate(set, { action: "file:Read", resource: path(16 * 1024 + 1) }).reason).toBe(
      "InvalidResource",
    );
  });

  it("never throws on hostile requests", () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      "x",
      [],
      { action: 1 },
      { action: "file:Read" },
      { action: "file:Read", resource: {} },
    ];
    for (const req of hostile) {
      // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
      const d = evaluate(set, req as any);
      expect(d.decision).toBe("Deny");
    }
  });

  it("ignores inherited and __proto__ context keys", () => {
    const p = parsePolicy(
      doc({
        Statement: [
          { ...stmt, Condition: { StringEquals: { toString: "x", "a.__proto__.b": "y" } } },
        ],
      }),
    );
    expect(p.ok).toBe(false); // a __proto__ segment can never be set: refused at write time
    const q = parsePolicy(
      doc({ Statement: [{ ...stmt, Condition: { Null: { toString: false } } }] }),
    );
    if (!q.ok) throw new Error("fixture");
    const d = evaluate(compile([q.policy]), {
      action: "file:Read",
      resource: "file://ws/a",
      context: {},
    });
    expect(d.decision).toBe("Deny");
  });
});

describe("per-set action plans", () => {
  it("stay bounded however many action spellings callers send, and decide the same past the bound", () => {
    const p = parsePolicy(doc({}));
    if (!p.ok) throw new Error("fixture");
    const set = compile([p.policy]);
    const request = (action: string) => ({ action, resource: "file://ws/a" });
    for (let i = 0; i < 5000; i++) evaluate(set, request(`svc${i}:Read`));
    expect((set as unknown as { plans: Map<string, unknown> }).plans.size).toBeLessThanOrEqual(
      4096,
    );
    expect(evaluate(set, request("FILE:read")).decision).toBe("Allow");
    expect(evaluate(set, request("file:Write")).decision).toBe("Deny");
  });
});

describe("merged plan indexes", () => {
  it("share a bounded budget, then plans search the shared indexes, deciding alike", () => {
    const p = parsePolicy({
      Version: "2024-12-02",
      Statement: Array.from({ length: 400 }, (_, i) => ({
        Effect: i % 5 === 0 ? "Deny" : "Allow",
        Action: i % 2 === 0 ? "svc:*" : `svc:A${i % 7}`,
        Resource: `svc://r${i}/*`,
      })),
    });
    if (!p.ok) throw new Error("fixture");
    const set = compile([p.policy]);
    const internals = set as unknown as {
      plans: Map<string, { indexes: unknown[] }>;
      index: { mergeBudget: number; service: Map<string, unknown> };
    };
    const shared = internals.index.service.get("svc");
    for (let a = 0; a < 60; a++) {
      for (const r of [0, 1, 7, 35, 399]) {
        const request = { action: `svc:A${a}`, resource: `svc://r${r}/x` };
        expect(evaluate(set, request)).toEqual(evaluateWith(set, request, undefined, true, false));
      }
    }
    const plans = [...new Set(internals.plans.values())];
    const merged = plans.filter((plan) => plan.indexes[0] !== shared);
    // 8,192 entries of budget, 200-400 entries a copy: some plans merged, the later ones not.
    expect(merged.length).toBeGreaterThan(10);
    expect(merged.length).toBeLessThan(plans.length);
    expect(internals.index.mergeBudget).toBeGreaterThanOrEqual(0);
  });
});

describe("re-entrancy", () => {
  it("decides correctly when a context getter calls evaluate() on the same set", () => {
    const p = parsePolicy({
      Version: "2024-12-02",
      Statement: [
        // Visited first (exact action), and its condition's getter re-enters evaluate().
        {
          Effect: "Allow",
          Action: "file:Delete",
          Resource: "file://ws/*",
          Condition: { StringEquals: { "context.env": "prod" } },
        },
        // Visited second (service list): the nested call must not make the outer one miss it.
        { Effect: "Deny", Action: "file:De*", Resource: "file://ws/secrets/*" },
        { Effect: "Allow", Action: "db:*", Resource: "*" },
        ...Array.from({ length: 30 }, (_, i) => ({
          Effect: "Allow",
          Action: "db:Select",
          Resource: `db://d${i}/*`,
        })),
      ],
    });
    if (!p.ok) throw new Error("fixture");
    const set = compile([p.policy]);
    let nested = 0;
    const context = {
      get "context.env"() {
        // An in-process caller's exotic context: evaluating another request from inside.
        nested++;
        evaluate(set, { action: "db:Select", resource: "db://d3/t" });
        return "prod";
      },
    };
    const d = evaluate(set, { action: "file:Delete", resource: "file://ws/secrets/k", context });
    expect(nested).toBeGreaterThan(0);
    expect(d).toMatchObject({
      decision: "Deny",
      reason: "ExplicitDeny",
      matched: [{ statement: 1 }],
    });
  });
});

describe("re-entrancy before the index is read", () => {
  const p = parsePolicy({
    Version: "2024-12-02",
    Statement: [
      { Effect: "Allow", Action: "file:*", Resource: "file://ws/*" },
      { Effect: "Deny", Action: "file:Delete", Resource: "file://ws/secrets/*" },
    ],
  });
  if (!p.ok) throw new Error("fixture");
  const set = compile([p.policy]);

  // The resource is canonicalised before `context` is read: shared per-set state (the index's
  // keys, stamps) must be taken after any caller code that could evaluate another request.
  it.each([
    // the keys are left to another resource
    [["file://other/x/y/z", "file://ws/%ZZ/bad", "FILE://WS/a"], "ExplicitAllow"],
    // the keys are this very resource's, then half overwritten by a resource that fails
    [["file://ws/secrets/k", "db://x/y/%ZZ"], "InvalidResource"],
  ])("a getter on the request's context evaluating %j leaves the keys right", (resources, last) => {
    const nested: string[] = [];
    const request = {
      action: "file:Delete",
      resource: "file://ws/secrets/k",
      get context() {
        for (const resource of resources)
          nested.push(evaluate(set, { action: "file:Delete", resource }).reason);
        return {};
      },
    };
    const d = evaluate(set, request);
    expect(nested.at(-1)).toBe(last);
    expect(d).toMatchObject({
      decision: "Deny",
      reason: "ExplicitDeny",
      matched: [{ statement: 1 }],
    });
  });

  it("a getter on the options' now evaluating another request leaves the keys right", () => {
    const nested: string[] = [];
    const options = {
      get now() {
        nested.push(
          evaluate(set, { action: "file:Delete", resource: "file://other/x/y/z" }).reason,
        );
        return 0;
      },
    };
    const d = evaluate(set, { action: "file:Delete", resource: "file://ws/secrets/k" }, options);
    expect(nested).toEqual(["ImplicitDeny"]);
    expect(d).toMatchObject({
      decision: "Deny",
      reason: "ExplicitDeny",
      matched: [{ statement: 1 }],
    });
  });
});

describe("hostile in-process contexts", () => {
  const p = parsePolicy({
    Version: "2024-12-02",
    Statement: [
      {
        Sid: "A",
        Effect: "Allow",
        Action: "file:Read",
        Resource: "*",
        Condition: { StringEquals: { "context.env": "prod" } },
      },
      {
        Sid: "D",
        Effect: "Deny",
        Action: "file:Delete",
        Resource: "*",
        Condition: { StringEquals: { "context.env": "prod" } },
      },
    ],
  });
  if (!p.ok) throw new Error("fixture");
  const set = compile([p.policy]);
  const throwing = {
    get "context.env"(): string {
      throw new Error("boom");
    },
  };

  it("a getter that throws is an evaluation error: the Allow fails, the Deny holds", () => {
    const allow = evaluate(set, { action: "file:Read", resource: "file://a/b", context: throwing });
    expect(allow).toMatchObject({ decision: "Deny", reason: "ImplicitDeny" });
    expect(allow.errors).toMatchObject([{ code: "UnreadableValue", statement: 0 }]);
    const deny = evaluate(set, {
      action: "file:Delete",
      resource: "file://a/b",
      context: throwing,
    });
    expect(deny).toMatchObject({
      decision: "Deny",
      reason: "ExplicitDeny",
      matched: [{ sid: "D" }],
    });
  });

  it("a request whose fields throw is denied as data, never thrown", () => {
    const request = {
      get action(): string {
        throw new Error("no action for you");
      },
      resource: "file://a/b",
    };
    const d = evaluate(set, request);
    expect(d.decision).toBe("Deny");
    expect(d.message).toContain("no action for you");
  });
});
