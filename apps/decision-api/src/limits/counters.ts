/**
 * Spec §6's counted limits, per workspace, in Redis: `admit` checks and reserves in one Lua step
 * (calls this hour, concurrent leases, spend this hour), `complete` releases a lease and settles
 * its reserved cost. A workspace that sets none of these limits never touches Redis here.
 */
import type { CheckedLimit, DecisionOutcome } from "@sekuire/core/decisions";
import { limitKeyList, type Redis } from "@sekuire/redis";
import { ADMIT, COMPLETE } from "./scripts.js";

/** A lease without MaxExecutionTime lasts this long: a crashed agent frees its slot by then. */
export const DEFAULT_LEASE_MS = 15 * 60_000;

export type Admission =
  | { admitted: true; leased: boolean }
  | { admitted: false; limit: CheckedLimit; current: number };

interface LimitCommands {
  sekuireAdmit(...args: Array<string | number>): Promise<[number, string?, number?]>;
  sekuireComplete(...args: Array<string | number>): Promise<number>;
}

type Mode = "allow" | "ask" | "deny";

function modeOf(decision: DecisionOutcome["decision"]): Mode {
  return decision === "Allow" ? "allow" : decision === "RequireApproval" ? "ask" : "deny";
}

// The key layout lives in @sekuire/redis (limit-keys.ts), shared with the console's read.
const keys = limitKeyList;

export class LimitCounters {
  private readonly commands: LimitCommands;

  constructor(redis: Redis) {
    redis.defineCommand("sekuireAdmit", { numberOfKeys: 4, lua: ADMIT });
    redis.defineCommand("sekuireComplete", { numberOfKeys: 4, lua: COMPLETE });
    this.commands = redis as unknown as LimitCommands;
  }

  /** Whether this decision is counted at all (some counted limit applies to it). */
  counts(outcome: Pick<DecisionOutcome, "decision" | "limits">): boolean {
    const { limits } = outcome;
    if (limits.MaxApiCallsPerHour !== undefined) return true;
    return (
      outcome.decision === "Allow" &&
      (limits.MaxConcurrentRequests !== undefined || limits.MaxCostPerHour !== undefined)
    );
  }

  async admit(
    workspaceId: string,
    decisionId: string,
    outcome: Pick<DecisionOutcome, "decision" | "limits" | "declared">,
    nowMs: number,
  ): Promise<Admission> {
    const { limits } = outcome;
    const leaseMs =
      limits.MaxExecutionTime !== undefined ? limits.MaxExecutionTime * 1000 : DEFAULT_LEASE_MS;
    const [admitted, limit, current] = await this.commands.sekuireAdmit(
      ...keys(workspaceId),
      nowMs,
      modeOf(outcome.decision),
      limits.MaxApiCallsPerHour ?? -1,
      limits.MaxCostPerHour ?? -1,
      outcome.declared.costMicros ?? 0,
      limits.MaxConcurrentRequests ?? -1,
      leaseMs,
      decisionId,
    );
    if (admitted === 1)
      return {
        admitted: true,
        leased:
          outcome.decision === "Allow" &&
          (limits.MaxConcurrentRequests !== undefined || limits.MaxCostPerHour !== undefined),
      };
    return { admitted: false, limit: limit as CheckedLimit, current: Number(current ?? 0) };
  }

  /** Releases the decision's lease; true when it still held one. */
  async complete(
    workspaceId: string,
    decisionId: string,
    actualMicros: number | undefined,
    nowMs: number,
  ): Promise<boolean> {
    const released = await this.commands.sekuireComplete(
      ...keys(workspaceId),
      nowMs,
      decisionId,
      actualMicros ?? -1,
    );
    return released === 1;
  }
}

const usd = (micros: number) => `$${(micros / 1_000_000).toFixed(2)}`;

/** The sentence a LimitExceeded carries. */
export function limitMessage(
  refused: Extract<Admission, { admitted: false }>,
  outcome: Pick<DecisionOutcome, "limits" | "declared">,
): string {
  const { limits } = outcome;
  switch (refused.limit) {
    case "MaxApiCallsPerHour":
      return `MaxApiCallsPerHour (${limits.MaxApiCallsPerHour}) is reached: ${refused.current} decisions in the last hour.`;
    case "MaxConcurrentRequests":
      return `MaxConcurrentRequests (${limits.MaxConcurrentRequests}) is reached: ${refused.current} actions hold a slot.`;
    case "MaxCostPerHour":
      return `MaxCostPerHour (${usd(limits.MaxCostPerHour ?? 0)}) would be exceeded: ${usd(refused.current)} spent in the last hour, this action declares ${usd(outcome.declared.costMicros ?? 0)}.`;
    default:
      return `${refused.limit} is exceeded.`;
  }
}
