/**
 * AuthZEN 1.0 onto Sekuire's decision request:
 *   action   = `<resource.type>:<action.name>`          e.g. document:read
 *   resource = `<resource.type>://<percent-encoded id>`  e.g. user://alice%40example.com
 *   context  = the AuthZEN context, plus `subject`, `resource` and `action` objects holding
 *              `id`, `type` and the properties, so policies test `subject.id`,
 *              `subject.department`, `resource.owner` or `action.method` with conditions and
 *              variables (`${subject.id}`). The engine's own `resource.path` still wins.
 * `decision` is true only for Allow; the answer's context carries Sekuire's decision, reason,
 * decisionId and, for RequireApproval, the pending approval the agent can poll.
 */
import type { AuthzenEvaluation, DecisionResponse } from "@sekuire/contracts";
import type { DecisionRequestBody } from "@sekuire/core/decisions";

export function fromAuthzen(evaluation: AuthzenEvaluation): DecisionRequestBody {
  const { subject, action, resource } = evaluation;
  return {
    action: `${resource.type}:${action.name}`,
    resource: `${resource.type}://${encodeURIComponent(resource.id)}`,
    context: {
      ...evaluation.context,
      subject: { ...subject.properties, id: subject.id, type: subject.type },
      resource: { ...resource.properties, id: resource.id, type: resource.type },
      action: { ...action.properties, name: action.name },
    },
  };
}

export function toAuthzen(answer: DecisionResponse) {
  return {
    decision: answer.decision === "Allow",
    context: {
      decisionId: answer.decisionId,
      decision: answer.decision,
      reason: answer.reason,
      ...(answer.message ? { message: answer.message } : {}),
      ...(answer.limit ? { limit: answer.limit } : {}),
      ...(answer.approval ? { approval: answer.approval } : {}),
    },
  };
}
