/**
 * One decision for an agent, from a workspace's loaded config: pure (no I/O, the clock passed
 * in), so the decision API, the CLI's local server and tests decide alike. It fails closed:
 * an unloadable policy set is Deny `Unavailable`, a freeze is Deny `Frozen`, no policy at all is
 * the engine's ImplicitDeny with a message saying so.
 */
import {
  canonicalAction,
  canonicalizeResource,
  type DecisionApproval,
  type DecisionKind,
  type Effect,
  type EffectiveAudit,
  type EffectiveLimits,
  evaluate,
  type Reason,
} from "@sekuire/policy-engine";
import type { DecisionConfig } from "./config.js";
import { type ServerValues, serverContext } from "./context.js";
import { type DeclaredUsage, type DeclaredUsageResult, declaredUsage } from "./declared-usage.js";

/** The limits a decision can be refused for (spec §6); the rest are for the agent to enforce. */
export type CheckedLimit =
  | "MaxTokens"
  | "MaxCostPerHour"
  | "MaxApiCallsPerHour"
  | "MaxConcurrentRequests";

export interface DecisionCaller {
  organizationId: string;
  workspaceId: string;
  agentId: string;
  keyId: string;
  agentFrozen: boolean;
  /** the client's address as the server trusts it (socket, or trusted proxies) */
  sourceIp?: string;
}

export interface DecisionRequestBody {
  action: string;
  resource: string;
  context?: Record<string, unknown>;
}

/** A statement that decided it, with the policy version it is in. */
export interface MatchedVersion {
  policyId: string;
  policyName?: string;
  versionId?: string;
  versionNumber?: number;
  sid?: string;
  statement: number;
  effect: Effect;
}

/** A RequireApproval entry with the policy version it came from. */
export interface ApprovalEntryVersion {
  policyId?: string;
  pointer: string;
  policyName?: string;
  versionId?: string;
  versionNumber?: number;
}

export interface DecisionOutcome {
  decision: DecisionKind;
  reason: Reason;
  message?: string;
  matched: MatchedVersion[];
  limits: EffectiveLimits;
  audit: EffectiveAudit;
  /** the entries name the policy version that asked (the engine reports only the policy) */
  approval?: DecisionApproval & { entries: ApprovalEntryVersion[] };
  /** the context as evaluated: the caller's keys with the server's values in place */
  context: Record<string, unknown>;
  /** the limit a LimitExceeded names */
  limit?: CheckedLimit;
  /** what the action declared it will use (context.tokens, context.cost) */
  declared: DeclaredUsage;
  /** the resource in canonical form, when it has one */
  canonicalResource?: string;
  canonicalAction?: string;
}

export function decide(
  config: DecisionConfig,
  caller: DecisionCaller,
  request: DecisionRequestBody,
  now: Date,
): DecisionOutcome {
  const values: ServerValues = {
    "source.ip": caller.sourceIp,
    "time.current": now.toISOString(),
    "agent.id": caller.agentId,
    "workspace.id": caller.workspaceId,
    "organization.id": caller.organizationId,
  };
  const context = serverContext(request.context, values);
  const base = {
    declared: {},
    limits: { ...config.set.limits },
    audit: { ...config.set.audit, include: [...config.set.audit.include] },
    context,
    ...canonical(request),
  };
  if (config.unloadable) {
    const { policyId, versionNumber } = config.unloadable;
    return {
      ...base,
      decision: "Deny",
      reason: "Unavailable",
      message: `Policy ${policyId} version ${versionNumber} cannot be loaded by this engine, so nothing is decided for the workspace.`,
      matched: [],
    };
  }
  if (config.frozen || caller.agentFrozen) {
    const what = config.frozen ? "workspace" : "agent";
    return {
      ...base,
      decision: "Deny",
      reason: "Frozen",
      message: `The ${what} is frozen: every decision is Deny until it is unfrozen.`,
      matched: [],
    };
  }
  const engine = evaluate(
    config.set,
    { action: request.action, resource: request.resource, context },
    { now },
  );
  const matched = engine.matched.map((m) => {
    return {
      policyId: m.policyId ?? "",
      ...versionOf(config, m.policyId),
      ...(m.sid !== undefined ? { sid: m.sid } : {}),
      statement: m.statement,
      effect: m.effect,
    };
  });
  const noPolicy = config.versions.size === 0;
  const message =
    engine.message ??
    (noPolicy ? "No policy is assigned to this workspace, so nothing is allowed." : undefined);
  const declared = declaredUsage(context);
  if (engine.decision !== "Deny") {
    const refused = declaredOverLimit(base.limits, declared);
    if (refused) return { ...base, decision: "Deny", reason: "LimitExceeded", matched, ...refused };
  }
  return {
    ...base,
    declared: declared.ok ? declared.usage : {},
    decision: engine.decision,
    reason: engine.reason,
    ...(message ? { message } : {}),
    matched,
    ...(engine.approval
      ? {
          approval: {
            ...engine.approval,
            channels: [...engine.approval.channels],
            entries: engine.approval.entries.map((entry) => ({
              ...entry,
              ...versionOf(config, entry.policyId),
            })),
          },
        }
      : {}),
  };
}

/** The live version a policy id names in this config, as decisions and approvals report it. */
function versionOf(config: DecisionConfig, policyId: string | undefined) {
  const version = policyId ? config.versions.get(policyId) : undefined;
  return version
    ? {
        policyName: version.policyName,
        versionId: version.versionId,
        versionNumber: version.versionNumber,
      }
    : {};
}

/**
 * MaxTokens against what the action declares, and a declared value that cannot be read while
 * its limit is set (an unreadable value must not slip past a limit): refused, naming it.
 */
function declaredOverLimit(
  limits: EffectiveLimits,
  declared: DeclaredUsageResult,
): { limit: CheckedLimit; message: string } | null {
  if (!declared.ok) {
    const limit = declared.key === "context.tokens" ? "MaxTokens" : "MaxCostPerHour";
    if (limits[limit] === undefined) return null;
    return { limit, message: `${declared.message} (${limit} applies)` };
  }
  const { tokens } = declared.usage;
  if (limits.MaxTokens !== undefined && tokens !== undefined && tokens > limits.MaxTokens)
    return {
      limit: "MaxTokens",
      message: `The action declares ${tokens} tokens; MaxTokens is ${limits.MaxTokens}.`,
    };
  return null;
}

function canonical(request: DecisionRequestBody): {
  canonicalResource?: string;
  canonicalAction?: string;
} {
  const action = canonicalAction(request.action);
  const resource = canonicalizeResource(request.resource);
  return {
    ...(action ? { canonicalAction: action } : {}),
    ...(resource.ok ? { canonicalResource: resource.value } : {}),
  };
}
