/**
 * Every procedure declares its input and output as zod schemas: tRPC parses the input before
 * core does (naming bad fields by pointer, as core would) and checks the output against an exact
 * schema, so a field a service returns by mistake never reaches the wire.
 */
import { describe, expect, it } from "vitest";
import { agentOutput, apiKeyOutput } from "../src/outputs/index.js";
import { appRouter } from "../src/router.js";

type ProcedureDef = { inputs: unknown[]; output?: unknown };
// tRPC keeps the flat "domain.name" map untyped at run time; only `_def` is read here.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;

describe("declared inputs and outputs", () => {
  it("every procedure has an output schema, and an input schema unless it takes none", () => {
    const names = Object.keys(procedures);
    expect(names.length).toBeGreaterThan(40);
    const takesNoInput = new Set(["organizations.list"]);
    for (const name of names) {
      const def = procedures[name]?._def;
      expect(def?.output, `${name} declares no output`).toBeDefined();
      if (!takesNoInput.has(name)) expect(def?.inputs.length, `${name} input`).toBe(1);
    }
  });

  it("outputs refuse fields they do not list (a hash never leaves)", () => {
    const at = "2026-12-07T00:00:00.000Z";
    const agent = {
      id: "agt_1",
      workspaceId: "wks_1",
      name: "a",
      description: null,
      frozen: false,
      frozenAt: null,
      frozenBy: null,
      createdAt: at,
      updatedAt: at,
    };
    expect(agentOutput.parse(agent)).toEqual(agent);
    expect(agentOutput.safeParse({ ...agent, organizationId: "org_other" }).success).toBe(false);
    const key = apiKeyOutput.safeParse({
      id: "key_1",
      workspaceId: "wks_1",
      agentId: "agt_1",
      name: null,
      display: "sek_live_ab…wxyz",
      prefix: "sek_live_ab",
      lastFour: "wxyz",
      status: "active",
      expiresAt: null,
      revokedAt: null,
      graceUntil: null,
      lastUsedAt: null,
      rotatedFromId: null,
      createdById: null,
      createdAt: at,
      secretHash: "c0ffee",
    });
    expect(key.success).toBe(false);
  });

  it("refuses a result that breaks its schema", () => {
    expect(agentOutput.safeParse({ id: "agt_1" }).success).toBe(false);
  });
});
