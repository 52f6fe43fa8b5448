/**
 * Telling decision servers that an organization's decision inputs changed. Postgres triggers
 * raise the organization's decision stamp inside each such transaction (the truth every
 * process checks at least every few seconds); this announcement, made only after the commit,
 * lets them reload at once. Core is given the announcer (Redis pub/sub, in the apps) and imports
 * no transport; without one, the stamp check alone keeps every process correct, only slower.
 */
import type { Db, DbTransaction } from "@sekuire/db";

export interface DecisionChangeAnnouncer {
  /** Must not throw: a lost announcement only delays the change until the next stamp check. */
  announce(organizationId: string): void;
  /** An approval request was decided: a long-poll waiting on it answers now (else at its re-read). */
  approvalDecided?(approvalId: string): void;
}

let announcer: DecisionChangeAnnouncer | null = null;

/** Sets this process's announcer (null: none). */
export function setDecisionChangeAnnouncer(next: DecisionChangeAnnouncer | null): void {
  announcer = next;
}

export function announceDecisionChange(organizationId: string): void {
  try {
    announcer?.announce(organizationId);
  } catch {
    // The stamp is the truth; the announcement only makes it prompt.
  }
}

export function announceApprovalDecided(approvalId: string): void {
  try {
    announcer?.approvalDecided?.(approvalId);
  } catch {
    // Waiting agents re-read the request every few seconds anyway.
  }
}

/**
 * `db.$transaction(work)` for a change decisions depend on (policy versions, assignments,
 * keys, agents, workspaces): announced once it has committed.
 */
export async function decisionTransaction<T>(
  db: Db,
  organizationId: string,
  work: (tx: DbTransaction) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const result = await db.$transaction(work, options);
  announceDecisionChange(organizationId);
  return result;
}
