/**
 * POST /v1/decisions/{id}/complete: the agent reports an allowed action done, with its usage.
 * It frees the action's concurrency slot and settles its reserved cost against the actual one
 * (one Lua step), and keeps the report once, flagged with any limit the usage went over.
 */
import { usageReportSchema } from "@sekuire/contracts";
import { costMicros, decisionOnRecord, recordUsage } from "@sekuire/core/decisions";
import { authenticate } from "../decide/authenticate.js";
import { parseBody, readJson } from "../http/body.js";
import { HttpError } from "../http/errors.js";
import { idempotencyKeyOf, idempotent } from "../http/idempotency.js";
import { sendJson } from "../http/reply.js";
import { withDeadline } from "../state/deadline.js";
import type { Route } from "./route.js";

const DECISION_ID = /^dec_[0-9a-f]{32}$/;

export const completeRoute: Route = {
  method: "POST",
  path: "/v1/decisions/:id/complete",
  async handle({ app, req, res, params }) {
    const caller = await authenticate(app, req);
    const key = idempotencyKeyOf(req);
    const decisionId = params.id ?? "";
    if (!DECISION_ID.test(decisionId))
      throw new HttpError("NOT_FOUND", "No decision of this id belongs to the key's agent.");
    const { value, text } = await readJson(req, app.settings.maxBodyBytes);
    const usage = parseBody(usageReportSchema, value);
    const scope = { agentId: caller.agentId, route: `complete ${decisionId}`, key, body: text };
    const timeout = app.settings.storeTimeoutMs;
    const answer = await idempotent(app.redis, scope, timeout, async () => {
      const released = await withDeadline(
        "Redis (the lease)",
        timeout,
        app.limits.complete(caller.workspaceId, decisionId, costMicros(usage), Date.now()),
      );
      if (!released && !(await decisionOnRecord(app.db, caller, decisionId)))
        throw new HttpError(
          "NOT_FOUND",
          "No decision of this id holds a slot or is on record for the key's agent.",
        );
      const config = await app.configs.get(caller);
      const { overLimits } = await recordUsage(app.db, {
        caller,
        decisionId,
        usage,
        limits: config?.set.limits ?? {},
        released,
      });
      return { status: 200, body: { decisionId, released, overLimits } };
    });
    sendJson(res, answer.status, answer.body);
  },
};
