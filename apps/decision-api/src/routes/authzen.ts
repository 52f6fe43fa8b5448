/**
 * AuthZEN 1.0: POST /access/v1/evaluation (one) and /access/v1/evaluations (many, with
 * request-level defaults and `options.evaluations_semantic`: execute_all, deny_on_first_deny,
 * permit_on_first_permit). Without `evaluations` the latter answers as the single form does.
 * The mapping is in decide/authzen.ts.
 */
import {
  type AuthzenEvaluation,
  authzenEvaluationSchema,
  authzenEvaluationsSchema,
} from "@sekuire/contracts";
import { authenticate } from "../decide/authenticate.js";
import { fromAuthzen, toAuthzen } from "../decide/authzen.js";
import { decideAll, decideSafely, decideUntil } from "../decide/decide-many.js";
import { parseBody, readJson } from "../http/body.js";
import { HttpError } from "../http/errors.js";
import { idempotencyKeyOf, idempotent } from "../http/idempotency.js";
import { sendJson } from "../http/reply.js";
import type { Route, RouteContext } from "./route.js";

async function run(
  context: RouteContext,
  route: string,
  work: (caller: Awaited<ReturnType<typeof authenticate>>, value: unknown) => Promise<unknown>,
) {
  const { app, req, res } = context;
  const caller = await authenticate(app, req);
  const key = idempotencyKeyOf(req);
  const { value, text } = await readJson(req, app.settings.maxBodyBytes);
  const scope = { agentId: caller.agentId, route, key, body: text };
  const answer = await idempotent(app.redis, scope, app.settings.storeTimeoutMs, async () => ({
    status: 200,
    body: await work(caller, value),
  }));
  sendJson(
    res,
    answer.status,
    answer.body,
    answer.replayed ? { "idempotent-replayed": "true" } : {},
  );
}

export const evaluationRoute: Route = {
  method: "POST",
  path: "/access/v1/evaluation",
  decides: true,
  handle(context) {
    const options = { requestId: context.requestId, startedAt: context.startedAt };
    return run(context, "authzen-evaluation", async (caller, value) => {
      const evaluation = parseBody(authzenEvaluationSchema, value);
      return toAuthzen(await decideSafely(context.app, caller, fromAuthzen(evaluation), options));
    });
  },
};

export const evaluationsRoute: Route = {
  method: "POST",
  path: "/access/v1/evaluations",
  decides: true,
  handle(context) {
    const options = { requestId: context.requestId, startedAt: context.startedAt };
    return run(context, "authzen-evaluations", async (caller, value) => {
      const body = parseBody(authzenEvaluationsSchema, value);
      if (!body.evaluations?.length) {
        const single = fromAuthzen(complete(body, {}, 0));
        return toAuthzen(await decideSafely(context.app, caller, single, options));
      }
      const requests = body.evaluations.map((entry, i) => fromAuthzen(complete(body, entry, i)));
      const semantic = body.options?.evaluations_semantic ?? "execute_all";
      const answers =
        semantic === "execute_all"
          ? await decideAll(context.app, caller, requests, options)
          : await decideUntil(context.app, caller, requests, options, (a) =>
              semantic === "deny_on_first_deny" ? a.decision !== "Allow" : a.decision === "Allow",
            );
      return { evaluations: answers.map(toAuthzen) };
    });
  },
};

type EvaluationParts = Pick<AuthzenEvaluation, "context"> & {
  subject?: AuthzenEvaluation["subject"];
  action?: AuthzenEvaluation["action"];
  resource?: AuthzenEvaluation["resource"];
};

/** An entry with the request's defaults filled in; 400 naming what is still missing. */
function complete(
  defaults: EvaluationParts,
  entry: EvaluationParts,
  index: number,
): AuthzenEvaluation {
  const merged = {
    subject: entry.subject ?? defaults.subject,
    action: entry.action ?? defaults.action,
    resource: entry.resource ?? defaults.resource,
    context: entry.context ?? defaults.context,
  };
  const missing = (["subject", "action", "resource"] as const).filter((k) => !merged[k]);
  if (missing.length > 0)
    throw new HttpError(
      "BAD_REQUEST",
      "Each evaluation needs a subject, an action and a resource, its own or the request's.",
      missing.map((k) => ({ pointer: `/evaluations/${index}/${k}`, message: "Required." })),
    );
  return merged as AuthzenEvaluation;
}
