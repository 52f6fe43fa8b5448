/**
 * Policy test suites: policies, requests and what each must decide, plus documents and the
 * findings they must draw. The format is documented in testdata/README.md; the engine's golden
 * files and users' `sekuire test` files are the same thing. Input is an already-parsed object
 * (YAML or JSON), so this module stays pure.
 */
import { compile, type PolicyEntry } from "../compile/compile.js";
import { evaluate } from "../evaluate/evaluate.js";
import { parsePolicy } from "../parse.js";
import { getTemplate, type TemplateId } from "../templates/index.js";
import type { Decision, Finding } from "../types.js";
import { deepEqual, sameMultiset, show } from "./compare.js";

export interface TestOutcome {
  name: string;
  kind: "case" | "document";
  passed: boolean;
  problems: string[];
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function policyInput(p: Obj): unknown {
  if (typeof p.template === "string") return getTemplate(p.template as TemplateId).text;
  if (typeof p.text === "string") return p.text;
  return p.policy;
}

/** Parses the suite's policies; problems name the policy and its findings. */
function loadPolicies(suite: Obj): { entries: PolicyEntry[]; problems: string[] } {
  const entries: PolicyEntry[] = [];
  const problems: string[] = [];
  for (const [i, raw] of list(suite.policies).entries()) {
    const p = obj(raw);
    const id = typeof p.id === "string" ? p.id : `policy${i}`;
    let parsed: ReturnType<typeof parsePolicy>;
    try {
      parsed = parsePolicy(policyInput(p));
    } catch (e) {
      problems.push(`policy ${id}: ${String(e)}`);
      continue;
    }
    if (parsed.ok) entries.push({ id, policy: parsed.policy });
    else
      problems.push(
        `policy ${id} does not parse: ${parsed.findings.map((f) => `${f.code} ${f.pointer}`).join("; ")}`,
      );
  }
  return { entries, problems };
}

function statementKey(m: Obj): string {
  const where = m.sid !== undefined ? `sid=${m.sid}` : `statement=${m.statement}`;
  return `${m.policy ?? m.policyId ?? "-"}:${where}`;
}

function checkDecision(expect: Obj, d: Decision): string[] {
  const problems: string[] = [];
  if (expect.decision !== d.decision || expect.reason !== d.reason)
    problems.push(
      `decision: expected ${expect.decision}/${expect.reason}, got ${d.decision}/${d.reason}${d.message ? ` (${d.message})` : ""}`,
    );
  if (expect.matched !== undefined) {
    const bySid = (m: Obj) =>
      m.sid !== undefined ? statementKey(m) : statementKey({ ...m, sid: undefined });
    const exp = list(expect.matched).map((m) => bySid(obj(m)));
    const act = d.matched.map((m) => {
      const wantsSid = list(expect.matched).some(
        (e) => obj(e).sid !== undefined && (obj(e).policy ?? "-") === (m.policyId ?? "-"),
      );
      return statementKey({
        policy: m.policyId,
        sid: wantsSid ? m.sid : undefined,
        statement: m.statement,
      });
    });
    problems.push(...sameMultiset("matched", exp, act));
  }
  if (expect.errors !== undefined) {
    const key = (e: Obj) => `${e.policy ?? e.policyId ?? "-"}:${e.statement}:${e.code}`;
    problems.push(
      ...sameMultiset(
        "errors",
        list(expect.errors).map((e) => key(obj(e))),
        d.errors.map((e) => key(e as unknown as Obj)),
      ),
    );
    for (const e of list(expect.errors).map(obj)) {
      if (
        e.pointer !== undefined &&
        !d.errors.some((a) => a.pointer === e.pointer && a.code === e.code)
      )
        problems.push(
          `errors: no ${e.code} at ${e.pointer}; got ${show(d.errors.map((a) => a.pointer))}`,
        );
    }
  }
  problems.push(...checkApproval(expect.approval, d));
  if (expect.limits !== undefined && !deepEqual(expect.limits, d.limits))
    problems.push(`limits: expected ${show(expect.limits)}, got ${show(d.limits)}`);
  if (expect.audit !== undefined && !deepEqual(expect.audit, d.audit))
    problems.push(`audit: expected ${show(expect.audit)}, got ${show(d.audit)}`);
  return problems;
}

function checkApproval(expected: unknown, d: Decision): string[] {
  if (expected === undefined) return [];
  if (!d.approval) return [`approval: expected ${show(expected)}, got none`];
  const problems: string[] = [];
  const e = obj(expected);
  for (const field of ["approverRole", "timeoutSeconds", "channels"] as const) {
    if (e[field] !== undefined && !deepEqual(e[field], d.approval[field]))
      problems.push(
        `approval.${field}: expected ${show(e[field])}, got ${show(d.approval[field])}`,
      );
  }
  if (e.entries !== undefined) {
    const key = (x: Obj) => `${x.policy ?? x.policyId ?? "-"}:${x.pointer}`;
    problems.push(
      ...sameMultiset(
        "approval.entries",
        list(e.entries).map((x) => key(obj(x))),
        d.approval.entries.map((x) => key(x as unknown as Obj)),
      ),
    );
  }
  return problems;
}

function runCase(raw: unknown, entries: PolicyEntry[]): TestOutcome {
  const c = obj(raw);
  const name = String(c.name ?? "(unnamed case)");
  const req = obj(c.request);
  const now =
    typeof c.now === "string" ? Date.parse(c.now) : typeof c.now === "number" ? c.now : undefined;
  const set = compile(entries);
  const d = evaluate(
    set,
    {
      action: req.action as string,
      resource: req.resource as string,
      context: req.context as Obj | undefined,
    },
    { now },
  );
  const problems = checkDecision(obj(c.expect), d);
  return { name, kind: "case", passed: problems.length === 0, problems };
}

function findingKey(f: Obj): string {
  return `${f.severity} ${f.code} ${f.pointer}`;
}

function checkFindingDetails(expected: Obj[], actual: Finding[]): string[] {
  const problems: string[] = [];
  for (const e of expected) {
    const candidates = actual.filter((a) => findingKey(a as unknown as Obj) === findingKey(e));
    const ok = candidates.some(
      (a) =>
        (e.messageIncludes === undefined || a.message.includes(String(e.messageIncludes))) &&
        (e.line === undefined || a.line === e.line) &&
        (e.column === undefined || a.column === e.column),
    );
    if (candidates.length > 0 && !ok)
      problems.push(
        `finding ${findingKey(e)}: details differ: expected ${show({ messageIncludes: e.messageIncludes, line: e.line, column: e.column })}, got ${show(candidates.map((a) => ({ message: a.message, line: a.line, column: a.column })))}`,
      );
  }
  return problems;
}

function runDocument(raw: unknown): TestOutcome {
  const d = obj(raw);
  const name = String(d.name ?? "(unnamed document)");
  const expect = obj(d.expect);
  const result = parsePolicy(typeof d.text === "string" ? d.text : d.document);
  const problems: string[] = [];
  if (expect.ok !== undefined && expect.ok !== result.ok)
    problems.push(`ok: expected ${expect.ok}, got ${result.ok}`);
  const actualKeys = result.findings.map((f) => findingKey(f as unknown as Obj));
  const all = list(expect.findings).map(obj);
  const some = list(expect.findingsInclude).map(obj);
  if (expect.findings !== undefined)
    problems.push(...sameMultiset("findings", all.map(findingKey), actualKeys));
  for (const e of some)
    if (!actualKeys.includes(findingKey(e)))
      problems.push(`findings: expected ${findingKey(e)}; got ${actualKeys.join(", ") || "none"}`);
  problems.push(...checkFindingDetails([...all, ...some], result.findings));
  return { name, kind: "document", passed: problems.length === 0, problems };
}

/** Runs every case and document of a suite. Never throws for a malformed suite: it fails cases. */
export function runPolicyTestSuite(suite: unknown): TestOutcome[] {
  const s = obj(suite);
  const outcomes: TestOutcome[] = list(s.documents).map(runDocument);
  const cases = list(s.cases);
  if (cases.length === 0) return outcomes;
  const { entries, problems } = loadPolicies(s);
  for (const c of cases) {
    if (problems.length > 0)
      outcomes.push({ name: String(obj(c).name), kind: "case", passed: false, problems });
    else outcomes.push(runCase(c, entries));
  }
  return outcomes;
}
