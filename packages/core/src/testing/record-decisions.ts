/**
 * Decision records the way the decision API makes them: the agent's key looked up, the
 * workspace's live config loaded, `decide`, the audit settings' `isRecorded`/`recordOf`, and the
 * group-commit log (so the hash chain holds and verifyChain passes). For tests that need records
 * without running the decision API's process.
 */
import type { Db } from "@sekuire/db";
import {
  apiKeyHash,
  type DecisionOutcome,
  decide,
  GroupCommitLog,
  isRecorded,
  loadDecisionConfig,
  lookupApiKey,
  recordOf,
} from "../decisions/index.js";

export interface TestRequest {
  action: string;
  resource: string;
  context?: Record<string, unknown>;
  /** when it was decided (default now) */
  at?: Date;
  approvalId?: string;
}

export interface RecordedDecision {
  outcome: DecisionOutcome;
  /** null when the audit settings keep no record of it */
  id: string | null;
}

/** Decides each request for the key's agent and records what the audit settings keep. */
export async function recordDecisions(
  db: Db,
  secret: string,
  requests: TestRequest[],
): Promise<RecordedDecision[]> {
  const found = await lookupApiKey(db, apiKeyHash(secret) as string);
  if (!found.found) throw new Error("recordDecisions: the key was not found");
  const caller = found.key;
  const config = await loadDecisionConfig(db, caller);
  if (!config) throw new Error("recordDecisions: the workspace has no config");
  const log = new GroupCommitLog(db.$sql);
  const results: RecordedDecision[] = [];
  for (const [i, request] of requests.entries()) {
    const at = request.at ?? new Date();
    const outcome = decide(config, caller, request, at);
    if (!isRecorded(outcome)) {
      results.push({ outcome, id: null });
      continue;
    }
    const record = recordOf(caller, request, outcome, {
      requestId: `req_test_${i}`,
      approvalId: request.approvalId ?? null,
      latencyUs: 50,
      at,
    });
    results.push({ outcome, id: (await log.append(record)).id });
  }
  await log.flush();
  return results;
}
