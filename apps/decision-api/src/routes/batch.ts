/** POST /v1/decisions/batch: up to 100 decisions, each decided and recorded as if sent alone. */
import { batchRequestSchema } from "@sekuire/contracts";
import { authenticate } from "../decide/authenticate.js";
import { decideAll } from "../decide/decide-many.js";
import { parseBody, readJson } from "../http/body.js";
import { idempotencyKeyOf, idempotent } from "../http/idempotency.js";
import { sendJson } from "../http/reply.js";
import type { Route } from "./route.js";

export const batchRoute: Route = {
  method: "POST",
  path: "/v1/decisions/batch",
  decides: true,
  async handle({ app, req, res, requestId, startedAt }) {
    const caller = await authenticate(app, req);
    const key = idempotencyKeyOf(req);
    const { value, text } = await readJson(req, app.settings.maxBodyBytes);
    const { requests } = parseBody(batchRequestSchema, value);
    const scope = { agentId: caller.agentId, route: "batch", key, body: text };
    const answer = await idempotent(app.redis, scope, app.settings.storeTimeoutMs, async () => ({
      status: 200,
      body: { decisions: await decideAll(app, caller, requests, { requestId, startedAt }) },
    }));
    sendJson(
      res,
      answer.status,
      answer.body,
      answer.replayed ? { "idempotent-replayed": "true" } : {},
    );
  },
};
