/**
 * GET /v1/approvals/{id}?waitSeconds=N: the agent reads its approval request, holding the request
 * open up to N seconds (at most 60) for a verdict, answered the moment one is given on whichever
 * process. A request past its expiry reads `expired` at once, before any job has marked it.
 */
import { approvalWaitSchema } from "@sekuire/contracts";
import { type AgentApprovalState, readApprovalState } from "@sekuire/core/decisions";
import { authenticate } from "../decide/authenticate.js";
import { HttpError } from "../http/errors.js";
import { sendJson } from "../http/reply.js";
import { withDeadline } from "../state/deadline.js";
import type { Route } from "./route.js";

/** A waiter re-reads Postgres at least this often, in case a pub/sub message was lost. */
const REREAD_MS = 3000;

function waitSecondsOf(url: URL): number {
  const parsed = approvalWaitSchema.safeParse(url.searchParams.get("waitSeconds") ?? undefined);
  if (parsed.success) return parsed.data;
  throw new HttpError("BAD_REQUEST", "waitSeconds must be a whole number from 0 to 60.", [
    { pointer: "", message: "query parameter waitSeconds" },
  ]);
}

function view(state: AgentApprovalState) {
  return {
    id: state.id,
    status: state.status,
    ...(state.decidedBy ? { decidedBy: state.decidedBy } : {}),
    ...(state.decidedAt ? { decidedAt: state.decidedAt.toISOString() } : {}),
    ...(state.comment ? { comment: state.comment } : {}),
    expiresAt: state.expiresAt.toISOString(),
    ...(state.consumedAt ? { consumedAt: state.consumedAt.toISOString() } : {}),
  };
}

export const approvalRoute: Route = {
  method: "GET",
  path: "/v1/approvals/:id",
  async handle({ app, req, res, url, params }) {
    const caller = await authenticate(app, req);
    const waitMs = waitSecondsOf(url) * 1000;
    const id = params.id ?? "";
    const deadline = Date.now() + waitMs;
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    for (;;) {
      const now = app.now();
      const state = await withDeadline(
        "Postgres (the approval request)",
        app.settings.storeTimeoutMs,
        readApprovalState(app.db, caller, id, now),
      );
      if (!state)
        throw new HttpError("NOT_FOUND", "No approval request of this id is the agent's.");
      const left = deadline - Date.now();
      const done = state.status !== "pending" || left <= 0 || app.approvals.closed;
      if (done || gone.signal.aborted) {
        if (!gone.signal.aborted) sendJson(res, 200, view(state));
        return;
      }
      const untilExpiry = state.expiresAt.getTime() - now.getTime() + 5;
      await app.approvals.wait(id, Math.min(left, untilExpiry, REREAD_MS), gone.signal);
    }
  },
};
