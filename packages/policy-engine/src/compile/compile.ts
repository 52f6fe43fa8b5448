/**
 * compile(): policies -> a set ready for many evaluations. Matchers were built at parse time;
 * here statements are indexed by action and resource, and workspace settings are merged once.
 */

import type { ConditionIR, StatementIR } from "../ir.js";
import { irOf, type Policy } from "../policy.js";
import type { Decision, EffectiveAudit, EffectiveLimits, MatchedStatement } from "../types.js";
import { ActionIndex } from "./action-index.js";
import type { ActionPlan } from "./action-plan.js";
import { ApprovalIndex } from "./approval-index.js";
import { type ConditionMemo, newConditionMemo } from "./memo.js";
import { mergeAudit, mergeLimits } from "./merge.js";
import type { Entry } from "./table.js";
import type { CompiledStatement } from "./types.js";

export interface PolicyEntry {
  id: string;
  name?: string;
  version?: string | number;
  policy: Policy;
}

export interface CompiledPolicyInfo {
  id?: string;
  name?: string;
  version?: string | number;
  policy: Policy;
}

/**
 * An opaque compiled set: pass it to evaluate(). Its policies, statements, indexes and merged
 * settings never change after compile, but it is NOT immutable: evaluate() writes per-request
 * state into it (the request stamp and each statement's visit stamp, the condition memo, the
 * scratch candidate lists, the index's resource keys) and fills two bounded caches (action
 * plans, merged approvals). Evaluation is synchronous, so one set serves any number of requests
 * in one thread; never share a set across worker threads (SharedArrayBuffer or Atomics would
 * not make it safe): compile one per thread.
 */
export class CompiledPolicySet {
  readonly policies: readonly CompiledPolicyInfo[];
  readonly limits: Readonly<EffectiveLimits>;
  readonly audit: Readonly<EffectiveAudit>;
  /** @internal */ readonly statements: readonly CompiledStatement[];
  /** @internal */ readonly index: ActionIndex;
  /** @internal */ readonly approvals: ApprovalIndex;
  /** @internal */ stamp = 0; /** @internal reused by evaluate() so a decision allocates no candidate arrays */
  readonly scratch: Entry[][] = [];
  /** @internal per-request results of conditions, by slot */ readonly memo:
    | ConditionMemo
    | undefined;
  /** @internal merged approval per canonical action (null: none applies) */
  readonly approvalCache = new Map<string, Decision["approval"] | null>();
  /** @internal per action text as requested and per canonical action: see action-plan.ts */
  readonly plans = new Map<string, ActionPlan>();

  /** @internal */
  constructor(policies: CompiledPolicyInfo[]) {
    this.policies = Object.freeze(policies);
    const irs = policies.map((p) => irOf(p.policy));
    const statements: CompiledStatement[] = [];
    this.index = new ActionIndex();
    this.approvals = new ApprovalIndex();
    const slots = new Map<string, number>();
    const valueSlots = new Map<string, number>();
    const readers = new Map<unknown, number>();
    irs.forEach((ir, i) => {
      if (!ir) return;
      const policyId = policies[i]?.id;
      for (const st of ir.statements) {
        const cs: CompiledStatement = {
          ordinal: statements.length,
          policyId,
          ir: st,
          deny: st.effect === "Deny",
          resourceTemplates: st.resources.some((r) => r.pattern.tokens !== undefined),
          anyResource:
            !st.notResource &&
            st.resources.some((r) => r.pattern.isStar) &&
            st.resources.every((r) => r.pattern.tokens === undefined),
          stamp: -1,
          conditionSlots: st.conditions.map((c) => slotOf(slots, c.identity)),
          valueSlots: st.conditions.map((c) => slotOf(valueSlots, valueIdentity(c, readers))),
          matched: matchedStatement(policyId, st),
        };
        statements.push(cs);
        this.index.add(cs);
      }
      for (const a of ir.approval?.actions ?? []) {
        const rule = ir.approval;
        if (rule)
          this.approvals.add({
            ordinal: i,
            policyId,
            pointer: a.pointer,
            glob: a.pattern.glob,
            rule,
          });
      }
    });
    this.index.seal(); // Worth its upkeep only when some condition repeats across statements.
    const conditions = statements.reduce((n, st) => n + st.conditionSlots.length, 0);
    const shared = slots.size < conditions || valueSlots.size < conditions;
    this.memo = shared ? newConditionMemo(slots.size, valueSlots.size) : undefined;
    this.statements = statements;
    this.limits = Object.freeze(mergeLimits(irs.map((ir) => ir?.limits ?? {})));
    const audit = mergeAudit(irs.map((ir) => ir?.audit));
    Object.freeze(audit.include);
    this.audit = Object.freeze(audit);
  }
}

function matchedStatement(policyId: string | undefined, st: StatementIR): MatchedStatement {
  const m: MatchedStatement = { statement: st.index, effect: st.effect };
  if (policyId !== undefined) m.policyId = policyId;
  if (st.sid !== undefined) m.sid = st.sid;
  return Object.freeze(m);
}

/** Conditions that read the same key with the same reader share the value they read. */
function valueIdentity(c: ConditionIR, readers: Map<unknown, number>): string {
  const reader = c.def === "Null" ? "Null" : c.def.read;
  let id = readers.get(reader);
  if (id === undefined) {
    id = readers.size;
    readers.set(reader, id);
  }
  return `${id}\u0000${c.key}`;
}

function slotOf(slots: Map<string, number>, identity: string): number {
  let slot = slots.get(identity);
  if (slot === undefined) {
    slot = slots.size;
    slots.set(identity, slot);
  }
  return slot;
}

function toInfo(entry: unknown, i: number): CompiledPolicyInfo {
  if (irOf(entry)) return { policy: entry as Policy };
  const e = entry as Partial<PolicyEntry> | null;
  if (e && typeof e === "object" && irOf(e.policy)) {
    if (typeof e.id !== "string" || e.id === "")
      throw new TypeError(`compile(): entry ${i} needs a non-empty string id`);
    const info: CompiledPolicyInfo = { id: e.id, policy: e.policy as Policy };
    if (e.name !== undefined) info.name = e.name;
    if (e.version !== undefined) info.version = e.version;
    return info;
  }
  throw new TypeError(
    `compile(): entry ${i} is not a parsed policy; pass the \`policy\` from parsePolicy(), alone or as { id, policy }`,
  );
}

/**
 * Compiles parsed policies (never raw text) into a set. Throws TypeError only on programming
 * mistakes (an entry that did not come from parsePolicy, or duplicate ids).
 */
export function compile(entries: ReadonlyArray<Policy | PolicyEntry>): CompiledPolicySet {
  if (!Array.isArray(entries)) throw new TypeError("compile() takes an array of parsed policies");
  const infos = entries.map(toInfo);
  const ids = new Set<string>();
  for (const info of infos) {
    if (info.id === undefined) continue;
    if (ids.has(info.id)) throw new TypeError(`compile(): policy id \`${info.id}\` appears twice`);
    ids.add(info.id);
  }
  return new CompiledPolicySet(infos);
}
