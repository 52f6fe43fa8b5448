/**
 * The completion report of an allowed action (`POST /v1/decisions/{id}/complete`): kept once per
 * decision, beside its record (records are chained and never change), with the limits the
 * reported usage went over. The agent side enforces MaxExecutionTime, MaxMemory and MaxStorage;
 * the report is how an overrun becomes visible.
 */
import type { UsageReport } from "@sekuire/contracts";
import type { Db } from "@sekuire/db";
import type { EffectiveLimits } from "@sekuire/policy-engine";
import { AppError } from "../errors/index.js";
import { isUniqueViolation } from "../shared/index.js";

export interface UsageCaller {
  organizationId: string;
  workspaceId: string;
  agentId: string;
}

/** The limits a report goes over. */
export function overLimits(usage: UsageReport, limits: EffectiveLimits): string[] {
  const over: string[] = [];
  if (limits.MaxTokens !== undefined && (usage.tokens ?? 0) > limits.MaxTokens)
    over.push("MaxTokens");
  if (
    limits.MaxExecutionTime !== undefined &&
    (usage.durationMs ?? 0) > limits.MaxExecutionTime * 1000
  )
    over.push("MaxExecutionTime");
  if (limits.MaxMemory !== undefined && (usage.memoryBytes ?? 0) > limits.MaxMemory)
    over.push("MaxMemory");
  if (limits.MaxStorage !== undefined && (usage.storageBytes ?? 0) > limits.MaxStorage)
    over.push("MaxStorage");
  return over;
}

/** Micro-USD of a reported cost, rounded to the nearest micro-dollar. */
export function costMicros(usage: UsageReport): number | undefined {
  return usage.costUsd === undefined ? undefined : Math.round(usage.costUsd * 1_000_000);
}

export async function recordUsage(
  db: Db,
  input: {
    caller: UsageCaller;
    decisionId: string;
    usage: UsageReport;
    limits: EffectiveLimits;
    released: boolean;
  },
): Promise<{ overLimits: string[] }> {
  const { caller, usage } = input;
  const over = overLimits(usage, input.limits);
  const micros = costMicros(usage);
  try {
    await db.decisionUsage.create({
      data: {
        decisionId: input.decisionId,
        organizationId: caller.organizationId,
        workspaceId: caller.workspaceId,
        agentId: caller.agentId,
        tokens: usage.tokens ?? null,
        costMicros: micros === undefined ? null : BigInt(micros),
        durationMs: usage.durationMs ?? null,
        memoryBytes: usage.memoryBytes === undefined ? null : BigInt(usage.memoryBytes),
        storageBytes: usage.storageBytes === undefined ? null : BigInt(usage.storageBytes),
        overLimits: over,
        released: input.released,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "This decision's usage was already reported.");
    throw error;
  }
  return { overLimits: over };
}

/** Whether a decision of this id is on record for the agent (its Allow was recorded). */
export async function decisionOnRecord(
  db: Db,
  caller: UsageCaller,
  decisionId: string,
): Promise<boolean> {
  const row = await db.decisionLog.findFirst({
    where: {
      organizationId: caller.organizationId,
      workspaceId: caller.workspaceId,
      agentId: caller.agentId,
      id: decisionId,
    },
    select: { id: true },
  });
  return row !== null;
}
