import { diffLines, prettyLines } from "@sekuire/core/policies";
import { decidePublishAction } from "@/app/app/[orgId]/policies/actions";
import { PublishRequestForm } from "@/components/app/publish-request-form";
import { DiffView } from "@/components/app/version-history";
import type { RouterOutputs } from "@/lib/api-types";
import { formatDateTime } from "@/lib/format";

type Request = RouterOutputs["policies"]["listPublishRequests"][number];

/**
 * Four eyes: each pending request with what it would change against the live version, so the
 * second admin approves a diff, not a promise.
 */
export function PublishRequests({
  orgId,
  policyId,
  requests,
  live,
  people,
  userId,
  canDecide,
}: {
  orgId: string;
  policyId: string;
  requests: Request[];
  live: { number: number; document: string } | null;
  /** user id → email, from the members list */
  people: Map<string, string>;
  userId: string;
  canDecide: boolean;
}) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="requests-title" className="space-y-3">
      <h2 id="requests-title" className="text-lg font-semibold">
        Waiting for approval
      </h2>
      <ul aria-label="Publish requests" className="space-y-4">
        {requests.map((request) => {
          const lines = diffLines(
            live ? prettyLines(live.document) : [],
            prettyLines(request.document),
          );
          const requester = request.requestedById
            ? (people.get(request.requestedById) ?? "a former member")
            : "an admin token";
          return (
            <li
              key={request.id}
              className="rounded-lg border border-amber-200 bg-amber-50/40 p-5 shadow-sm"
            >
              <p className="text-sm">
                <span className="font-medium">{requester}</span> asked to publish on{" "}
                {formatDateTime(request.createdAt)}:
              </p>
              <blockquote className="mt-1 border-l-2 border-amber-300 pl-3 text-sm text-slate-700">
                {request.changeNote}
              </blockquote>
              <div className="mt-3">
                <DiffView
                  from={live ? `version ${live.number}` : "nothing published"}
                  to="the request"
                  added={lines.filter((l) => l.kind === "added").length}
                  removed={lines.filter((l) => l.kind === "removed").length}
                  lines={lines}
                />
              </div>
              {canDecide ? (
                <PublishRequestForm
                  own={request.requestedById === userId}
                  action={decidePublishAction.bind(null, orgId, policyId, request.id)}
                />
              ) : (
                <p className="mt-3 text-sm text-slate-600">An admin or owner decides on it.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
