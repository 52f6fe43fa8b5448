// The wire's decision and the engine's are one type (checked by `pnpm typecheck`), and real
// decisions of every kind and reason parse through the schema unchanged (checked at run time).
import {
  compile,
  type Decision,
  type Reason as EngineReason,
  evaluate,
  getTemplate,
  parsePolicy,
} from "@sekuire/policy-engine";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type EngineDecision, engineDecisionSchema, type Reason } from "../src/index.js";

describe("the engine's decision", () => {
  it("is the contracts' type, field for field", () => {
    expectTypeOf<EngineDecision>().toEqualTypeOf<Decision>();
    expectTypeOf<Reason>().toEqualTypeOf<EngineReason>();
  });

  const set = compile(
    (["development", "production"] as const).map((id) => {
      const parsed = parsePolicy(getTemplate(id).text);
      if (!parsed.ok) throw new Error(`template ${id} does not parse`);
      return { id, policy: parsed.policy };
    }),
  );
  const requests = [
    { action: "file:Read", resource: "file:///srv/app/readme.md" },
    { action: "file:Delete", resource: "file:///etc/passwd" },
    { action: "db:Delete", resource: "db://prod/users", context: { "source.ip": "10.0.0.1" } },
    { action: "nope", resource: "file:///x" },
    { action: "file:Read", resource: "not a uri" },
    { action: "tool:bash:execute", resource: "tool://bash", context: { tokens: "many" } },
  ];

  it.each(requests)("parses unchanged: $action on $resource", (request) => {
    const decision = evaluate(set, request, { now: 1_733_097_600_000, explain: true });
    expect(engineDecisionSchema.parse(decision)).toEqual(decision);
  });

  it("covers more than one outcome", () => {
    const kinds = new Set(requests.map((r) => evaluate(set, r, { now: 0 }).decision));
    expect(kinds.size).toBeGreaterThan(1);
  });
});
