/** POST /v1/decisions: one decision for the key's agent. */
import { decisionRequestSchema } from "@sekuire/contracts";
import { authenticate } from "../decide/authenticate.js";
import { decideOne } from "../decide/decide-one.js";
import { parseBody, readJson } from "../http/body.js";
import { sendJson } from "../http/reply.js";
import type { Route } from "./route.js";

export const decisionsRoute: Route = {
  method: "POST",
  path: "/v1/decisions",
  decides: true,
  async handle({ app, req, res, requestId, startedAt, logger }) {
    const caller = await authenticate(app, req);
    const body = parseBody(decisionRequestSchema, await readJson(req, app.settings.maxBodyBytes));
    const answer = await decideOne(app, caller, body, { requestId, startedAt });
    logger.info(
      {
        agentId: caller.agentId,
        workspaceId: caller.workspaceId,
        decisionId: answer.decisionId,
        action: body.action,
        decision: answer.decision,
        reason: answer.reason,
      },
      "decision",
    );
    sendJson(res, 200, answer, { "x-request-id": requestId });
  },
};
