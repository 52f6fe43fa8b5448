/** Turning an outcome into a Deny for a platform reason (limits, redemption), approval dropped. */
import type { DecisionOutcome } from "@sekuire/core/decisions";

export function deniedFor(
  outcome: DecisionOutcome,
  reason: DecisionOutcome["reason"],
  message: string,
  extra: Pick<DecisionOutcome, "limit"> = {},
): DecisionOutcome {
  const { approval: _dropped, ...rest } = outcome;
  return { ...rest, decision: "Deny", reason, message, ...extra };
}
