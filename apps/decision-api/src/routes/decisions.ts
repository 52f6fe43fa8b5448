/** POST /v1/decisions: one decision for the key's agent. */
import { decisionRequestSchema } from "@sekuire/contracts";
import { authenticate } from "../decide/authenticate.js";
import { decideOne } from "../decide/decide-one.js";
import { parseBody, readJson } from "../http/body.js";
import { idempotencyKeyOf, idempotent } from "../http/idempotency.js";
import { sendJson } from "../http/reply.js";
import type { Route } from "./route.js";

export const decisionsRoute: Route = {
  method: "POST",
  path: "/v1/decisions",
  decides: true,
  async handle(context) {
    const { app, req, res, requestId, startedAt } = context;
    const caller = await authenticate(app, req);
    const key = idempotencyKeyOf(req);
    const { value, text } = await readJson(req, app.settings.maxBodyBytes);
    const body = parseBody(decisionRequestSchema, value);
    const scope = { agentId: caller.agentId, route: "decisions", key, body: text };
    const answer = await idempotent(app.redis, scope, app.settings.storeTimeoutMs, async () => {
      const decided = await decideOne(app, caller, body, { requestId, startedAt });
      if (app.logger.isLevelEnabled("info"))
        context.logger.info(
          {
            agentId: caller.agentId,
            workspaceId: caller.workspaceId,
            decisionId: decided.decisionId,
            action: body.action,
            decision: decided.decision,
            reason: decided.reason,
          },
          "decision",
        );
      return { status: 200, body: decided };
    });
    sendJson(
      res,
      answer.status,
      answer.body,
      answer.replayed ? { "idempotent-replayed": "true" } : {},
    );
  },
};
