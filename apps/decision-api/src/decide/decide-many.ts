/**
 * Several decisions in one call (the batch route, AuthZEN's evaluations): each decided and
 * recorded exactly as if sent alone. An item that cannot be decided safely is a Deny
 * `Unavailable` in its place; the others still stand.
 */
import type { DecisionResponse } from "@sekuire/contracts";
import type { DecisionRequestBody } from "@sekuire/core/decisions";
import type { DecisionApp } from "../app.js";
import { Unavailable } from "../http/errors.js";
import type { Caller } from "./authenticate.js";
import { type DecideOptions, decideOne } from "./decide-one.js";

export async function decideSafely(
  app: DecisionApp,
  caller: Caller,
  request: DecisionRequestBody & { approvalId?: string },
  options: DecideOptions,
): Promise<DecisionResponse> {
  try {
    return await decideOne(app, caller, request, options);
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    app.logger.warn({ err: error.cause ?? error, why: error.message }, "batch item unavailable");
    return {
      decisionId: "",
      decision: "Deny",
      reason: "Unavailable",
      message: error.message,
      matched: [],
      limits: {},
    };
  }
}

/** All at once (their records share group commits). */
export function decideAll(
  app: DecisionApp,
  caller: Caller,
  requests: ReadonlyArray<DecisionRequestBody & { approvalId?: string }>,
  options: DecideOptions,
): Promise<DecisionResponse[]> {
  return Promise.all(requests.map((r) => decideSafely(app, caller, r, options)));
}

/** In order, stopping after the first answer `stop` accepts (AuthZEN's short-circuits). */
export async function decideUntil(
  app: DecisionApp,
  caller: Caller,
  requests: ReadonlyArray<DecisionRequestBody>,
  options: DecideOptions,
  stop: (answer: DecisionResponse) => boolean,
): Promise<DecisionResponse[]> {
  const answers: DecisionResponse[] = [];
  for (const request of requests) {
    const answer = await decideSafely(app, caller, request, options);
    answers.push(answer);
    if (stop(answer)) break;
  }
  return answers;
}
