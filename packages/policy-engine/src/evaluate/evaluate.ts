/**
 * evaluate(): one request against a compiled set (spec §5). Only candidate statements from the
 * index are visited; the decision is data, never an exception.
 */

import { type ActionPlan, type Approval, MAX_PLANS } from "../compile/action-plan.js";
import type { CompiledPolicySet } from "../compile/compile.js";
import { mergeApproval } from "../compile/merge.js";
import type { CompiledStatement } from "../compile/types.js";
import { canonicalAction } from "../match/action.js";
import { canonicalizeResource } from "../resource/canonical.js";
import type {
  Decision,
  DecisionKind,
  DecisionRequest,
  EngineReason,
  EvaluateOptions,
  EvaluationError,
  MatchedStatement,
} from "../types.js";
import { collect } from "./collect.js";
import { explainAll } from "./explain.js";
import { asContext, type RequestState, toEpochMs } from "./state.js";
import { actionMatches } from "./statement.js";

/** Shared, frozen empty lists: most decisions have no errors, many no matched statement. */
const NONE_MATCHED: MatchedStatement[] = Object.freeze([]) as unknown as MatchedStatement[];
const NO_ERRORS: EvaluationError[] = Object.freeze([]) as unknown as EvaluationError[];

function base(set: CompiledPolicySet, decision: DecisionKind, reason: EngineReason): Decision {
  return {
    decision,
    reason,
    matched: NONE_MATCHED,
    errors: NO_ERRORS,
    limits: set.limits,
    audit: set.audit,
  };
}

function describeInput(v: unknown): string {
  if (typeof v !== "string") return v === undefined ? "missing" : `not a string (${typeof v})`;
  return JSON.stringify(v.length > 100 ? `${v.slice(0, 100)}…` : v);
}

/**
 * Document order. Short lists (nearly all) by insertion sort, which allocates nothing; Array#sort
 * allocated a work array per decision.
 */
function matchedOf(list: CompiledStatement[]): MatchedStatement[] {
  const out = new Array<MatchedStatement>(list.length);
  if (list.length > 32) list.sort((a, b) => a.ordinal - b.ordinal);
  else sortShort(list);
  for (let i = 0; i < list.length; i++) out[i] = (list[i] as CompiledStatement).matched;
  return out;
}

function sortShort(list: CompiledStatement[]): void {
  for (let i = 1; i < list.length; i++) {
    const st = list[i] as CompiledStatement;
    let j = i;
    for (; j > 0 && (list[j - 1] as CompiledStatement).ordinal > st.ordinal; j--)
      list[j] = list[j - 1] as CompiledStatement;
    list[j] = st;
  }
}

/** The merged rule and entries for an action, computed once per action and shared (frozen). */
function approvalFor(set: CompiledPolicySet, action: string): Approval | null {
  const cached = set.approvalCache.get(action);
  if (cached !== undefined) return cached;
  const refs = set.approvals.match(action);
  let approval: Approval | null = null;
  if (refs) {
    const entries = refs.map((r) =>
      Object.freeze(
        r.policyId === undefined
          ? { pointer: r.pointer }
          : { policyId: r.policyId, pointer: r.pointer },
      ),
    );
    const merged = mergeApproval([...new Set(refs.map((r) => r.rule))]);
    Object.freeze(merged.channels);
    approval = Object.freeze({ ...merged, entries: Object.freeze(entries) as Approval["entries"] });
  }
  // Bounded: callers choose the action strings, so an unbounded cache would be theirs to grow.
  if (set.approvalCache.size < MAX_CACHED_ACTIONS) set.approvalCache.set(action, approval);
  return approval;
}

const MAX_CACHED_ACTIONS = 4096;

function approvalDecision(set: CompiledPolicySet, plan: ActionPlan): Decision | undefined {
  if (plan.approval === null) return undefined;
  const d = base(set, "RequireApproval", "ApprovalRequired");
  d.approval = plan.approval;
  return d;
}

/** The plain reading: the action canonicalised afresh, no index, nothing kept. */
function plainPlan(set: CompiledPolicySet, raw: unknown): ActionPlan | undefined {
  const action = canonicalAction(raw);
  return action === undefined
    ? undefined
    : { action, indexes: [], keyed: false, approval: approvalFor(set, action) };
}

/** The action's plan, kept per set by the text as requested (see action-plan.ts). */
function planOf(set: CompiledPolicySet, raw: unknown): ActionPlan | undefined {
  const known = set.plans.get(raw as string);
  if (known !== undefined) return known;
  const action = canonicalAction(raw);
  if (action === undefined) return undefined;
  let plan = set.plans.get(action);
  if (plan === undefined) {
    // Only a plan that is kept gets a merged index: building one per request would cost more.
    const kept = set.plans.size < MAX_PLANS;
    const indexes = kept
      ? set.index.planIndexes(action, (st) => actionMatches(st, action))
      : set.index.indexesOf(action);
    plan = {
      action,
      indexes,
      keyed: indexes.some((idx) => idx.maxDepth > 0),
      approval: approvalFor(set, action),
    };
    if (kept) set.plans.set(action, plan);
  }
  // canonicalAction accepted it, so `raw` is a string spelling of `action`.
  if (set.plans.size < MAX_PLANS) set.plans.set(raw as string, plan);
  return plan;
}

/**
 * A new stamp for a request. Stamps stay small integers; when they wrap, every stored stamp is
 * reset, so a statement last seen 2^30 requests ago can never pass for one seen in this request.
 */
function nextStamp(set: CompiledPolicySet): number {
  set.stamp = (set.stamp + 1) & 0x3fffffff;
  if (set.stamp === 0) {
    for (const st of set.statements) st.stamp = -1;
    set.memo?.stamps.fill(-1);
  }
  return set.stamp;
}

/**
 * The shared core. `scan` visits every statement instead of the index and `memo: false`
 * evaluates every condition afresh: tests hold the fast path to that plain reading.
 */
export function evaluateWith(
  set: CompiledPolicySet,
  request: DecisionRequest,
  options: EvaluateOptions | undefined,
  scan: boolean,
  memo = true,
): Decision {
  const req = (request ?? {}) as Partial<DecisionRequest>;
  // Everything the caller passes is read once, up front: a getter may run code (even evaluate()
  // on this set), which must not happen between taking the set's shared state and using it.
  const rawAction = req.action;
  const rawResource = req.resource;
  const context = asContext(req.context);
  const now = toEpochMs(options?.now);
  const plan = scan ? plainPlan(set, rawAction) : planOf(set, rawAction);
  if (plan === undefined) {
    const d = base(set, "Deny", "InvalidAction");
    d.message = `The action ${describeInput(rawAction)} is not \`service:action[:sub]\` in ASCII letters, digits, \`_\`, \`.\` or \`-\`.`;
    return d;
  }
  // Also sets the index keys that collect() looks candidate lists up by.
  const canon =
    typeof rawResource === "string"
      ? canonicalizeResource(rawResource, set.index.keys, plan.keyed)
      : undefined;
  if (!canon?.ok) {
    const d = base(set, "Deny", "InvalidResource");
    d.message = `The resource ${describeInput(rawResource)} is invalid: ${canon ? canon.message : "it must be a string"}.`;
    return d;
  }
  const state: RequestState = {
    context,
    resource: canon.value,
    // Only `*` is one character long (a URI has at least `s:`): no string compare per request.
    pathStart: canon.value.length === 1 ? -1 : canon.pathStart,
    pathEnd: canon.pathEnd,
    resourcePath: undefined,
    now,
    nowText: undefined,
    memo: memo ? set.memo : undefined,
    stamp: nextStamp(set),
    errors: undefined,
  };
  const action = plan.action;
  let { denies, allows } = collect(set, plan, state, scan);
  if (set.stamp !== state.stamp && !scan) {
    // A getter in the context called evaluate() on this set while we were collecting: the
    // shared stamps, memo and candidate lists were overwritten. Decide again without them.
    state.memo = undefined;
    state.errors = undefined;
    ({ denies, allows } = collect(set, plan, state, true));
  }
  let d: Decision;
  if (denies) {
    d = base(set, "Deny", "ExplicitDeny");
    d.matched = matchedOf(denies);
  } else {
    d =
      approvalDecision(set, plan) ??
      base(set, allows ? "Allow" : "Deny", allows ? "ExplicitAllow" : "ImplicitDeny");
    if (allows && d.decision === "Allow") d.matched = matchedOf(allows);
  }
  if (state.errors) {
    // Index order differs from document order; the decision lists errors in document order.
    d.errors = state.errors.sort((a, b) => a.ordinal - b.ordinal).map((x) => x.error);
  }
  if (options?.explain) d.explanation = explainAll(set, action, state);
  return d;
}

/** Decides one request. Never throws for any input: bad input is a Deny with its reason. */
export function evaluate(
  set: CompiledPolicySet,
  request: DecisionRequest,
  options?: EvaluateOptions,
): Decision {
  try {
    return evaluateWith(set, request, options, false);
  } catch (e) {
    // Only exotic input from a caller in the same runtime gets here (a request or context whose getters or proxies
    // throw where the engine cannot isolate it): fail closed, as data.
    const d = base(set, "Deny", "ImplicitDeny");
    d.message = `The request could not be evaluated (${e instanceof Error ? e.message : String(e)}), so it is denied.`;
    return d;
  }
}
