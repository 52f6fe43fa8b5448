/** The public API as the decision API, console, CLI and SDK will use it. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  approvalRuleOf,
  compile,
  evaluate,
  getTemplate,
  jsonLocations,
  parsePolicy,
  policyJsonSchema,
  templates,
} from "../src/index.js";

const pkgDir = new URL("..", import.meta.url).pathname;

describe("package", () => {
  it("imports from plain Node ESM through its built dist/", () => {
    const script = `
      import { parsePolicy, compile, evaluate, templates } from "@sekuire/policy-engine";
      const p = parsePolicy(templates.find((t) => t.id === "production").text);
      const d = evaluate(compile([{ id: "prod", policy: p.policy }]), { action: "db:Delete", resource: "db://production/users" });
      console.log(d.decision + " " + d.reason);`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: pkgDir,
      encoding: "utf8",
    });
    expect(out.trim()).toBe("Deny ExplicitDeny");
  });
});

describe("browser-safe build", () => {
  it("is one module that imports only its two pure dependencies and touches no Node global", () => {
    const files = readdirSync(join(pkgDir, "dist"), { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".js"),
    );
    expect(files).toEqual(["index.js"]); // bundled: see rolldown.config.mjs
    for (const f of files) {
      const code = readFileSync(join(pkgDir, "dist", f), "utf8");
      const imports = [...code.matchAll(/from "([^"]+)"/g)]
        .map((m) => m[1])
        .filter((s) => !s?.startsWith("."));
      expect(
        imports.filter((s) => s !== "ipaddr.js" && s !== "jsonc-parser"),
        f,
      ).toEqual([]);
      expect(code, f).not.toMatch(/\b(process|Buffer|require|__dirname)\b/);
    }
  });
});

describe("templates", () => {
  it("ships the three seed templates with their descriptions, as valid policies", () => {
    expect(templates.map((t) => t.id)).toEqual(["development", "production", "hipaa"]);
    for (const t of templates) {
      expect(t.description.length).toBeGreaterThan(20);
      expect(parsePolicy(t.text).ok).toBe(true);
    }
    expect(getTemplate("hipaa").title).toBe("HIPAA Compliant Policy");
  });
});

describe("policyJsonSchema", () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  const validate = ajv.compile(policyJsonSchema);

  it("accepts the seed templates", () => {
    for (const t of templates)
      expect(validate(JSON.parse(t.text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a misspelled field and a bad effect, as the validator does", () => {
    const doc = {
      Version: "2024-12-02",
      Statement: [{ Efect: "Allow", Action: "*", Resource: "*" }],
    };
    expect(validate(doc)).toBe(false);
    expect(parsePolicy(doc).ok).toBe(false);
    const doc2 = {
      Version: "2024-12-02",
      Statement: [{ Effect: "Permit", Action: "*", Resource: "*" }],
    };
    expect(validate(doc2)).toBe(false);
    expect(parsePolicy(doc2).ok).toBe(false);
  });
});

describe("compile", () => {
  it("takes parsed policies only, and says so", () => {
    // biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
    expect(() => compile([{ Version: "2024-12-02" } as any])).toThrow(/not a parsed policy/);
    const p = parsePolicy(getTemplate("development").text);
    if (!p.ok) throw new Error("fixture");
    expect(() =>
      compile([
        { id: "a", policy: p.policy },
        { id: "a", policy: p.policy },
      ]),
    ).toThrow(/appears twice/);
  });

  it("an empty set denies everything", () => {
    const d = evaluate(compile([]), { action: "file:Read", resource: "file://ws/a" });
    expect(d).toMatchObject({ decision: "Deny", reason: "ImplicitDeny", matched: [] });
    expect(d.audit).toEqual({ required: false, retentionDays: 90, include: [], redactPII: false });
  });
});

describe("explain", () => {
  it("says why each statement did or did not match", () => {
    const p = parsePolicy(getTemplate("production").text);
    if (!p.ok) throw new Error("fixture");
    const set = compile([{ id: "prod", policy: p.policy }]);
    const d = evaluate(
      set,
      { action: "file:Read", resource: "file://ws/a", context: { "source.ip": "8.8.8.8" } },
      { explain: true },
    );
    expect(d.decision).toBe("Deny");
    expect(d.explanation).toHaveLength(2);
    expect(d.explanation?.[0]).toMatchObject({
      sid: "AllowReadOnly",
      matched: false,
      action: true,
      resource: true,
      conditions: [{ operator: "IpAddress", key: "source.ip", result: "false", value: "8.8.8.8" }],
    });
    expect(d.explanation?.[1]).toMatchObject({
      sid: "DenyDestructive",
      matched: false,
      action: false,
    });
  });

  it("takes time.current from now", () => {
    const p = parsePolicy({
      Version: "2024-12-02",
      Statement: {
        Effect: "Allow",
        Action: "file:Read",
        Resource: "*",
        Condition: { DateLessThan: { "time.current": "2025-01-01T00:00:00Z" } },
      },
    });
    if (!p.ok) throw new Error("fixture");
    const set = compile([p.policy]);
    const req = { action: "file:Read", resource: "file://a/b" };
    expect(evaluate(set, req, { now: Date.parse("2024-06-01T00:00:00Z") }).decision).toBe("Allow");
    expect(evaluate(set, req, { now: new Date("2025-06-01T00:00:00Z") }).decision).toBe("Deny");
    expect(evaluate(set, req).decision).toBe("Deny"); // no clock: the key is absent
  });
});

describe("approvalRuleOf", () => {
  it("fills the language's defaults and keeps the patterns as written", () => {
    const p = parsePolicy({
      Version: "2024-12-02",
      Statement: [{ Effect: "Allow", Action: "db:*", Resource: "*" }],
      RequireApproval: { Actions: ["db:Update", "DB:Insert"] },
    });
    if (!p.ok) throw new Error("parse");
    expect(approvalRuleOf(p.policy)).toEqual({
      actions: ["db:Update", "DB:Insert"],
      approverRole: "admin",
      timeoutSeconds: 3600,
      channels: [{ type: "email" }],
    });
  });

  it("is undefined without RequireApproval, and reads webhooks", () => {
    const none = parsePolicy({
      Version: "2024-12-02",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    if (!none.ok) throw new Error("parse");
    expect(approvalRuleOf(none.policy)).toBeUndefined();
    const hook = parsePolicy({
      Version: "2024-12-02",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
      RequireApproval: {
        Actions: "db:Update",
        ApproverRole: "owner",
        TimeoutSeconds: 60,
        NotificationChannels: ["email", { Type: "webhook", Url: "https://hooks.example.com/x" }],
      },
    });
    if (!hook.ok) throw new Error("parse");
    expect(approvalRuleOf(hook.policy)).toMatchObject({
      actions: ["db:Update"],
      approverRole: "owner",
      timeoutSeconds: 60,
      channels: [{ type: "email" }, { type: "webhook", url: "https://hooks.example.com/x" }],
    });
  });
});

describe("jsonLocations", () => {
  it("gives every value's span by pointer, with escaped keys and UTF-16 offsets", () => {
    const text = '{\n  "Statement": [ {"a/b": "é", "c~d": [1, true]} ],\n  "x": null\n}';
    const spans = jsonLocations(text);
    const at = (p: string) => {
      const s = spans.get(p);
      return s && text.slice(s.from, s.to);
    };
    expect(at("")).toBe(text);
    expect(at("/Statement/0/a~1b")).toBe('"é"');
    expect(at("/Statement/0/c~0d/1")).toBe("true");
    expect(at("/x")).toBe("null");
    expect(at("/Statement/0")).toBe('{"a/b": "é", "c~d": [1, true]}');
  });

  it("is empty for text that is not JSON", () => {
    expect(jsonLocations("{ nope").size).toBe(0);
  });
});
