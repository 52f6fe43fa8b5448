import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { card, notice } from "@/components/ui/styles";
import { TestDeliveryForm } from "@/components/webhooks/test-delivery-form";
import { WebhookSecretForm } from "@/components/webhooks/webhook-secret-form";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/server/api";
import { rotateWebhookSecretAction, sendTestWebhookAction } from "../../webhook-actions";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

const STATUS_LOOK = {
  sent: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  failed: "bg-red-50 text-red-700 ring-red-200",
  pending: "bg-slate-50 text-slate-700 ring-slate-200",
} as const;

/**
 * A workspace's webhooks (admins): the signing secret (set, rotated, shown once), the receiver
 * URLs its policies name, a test delivery, and the recent deliveries with their outcome.
 */
export default async function WebhooksPage({
  params,
}: {
  params: Promise<{ orgId: string; workspaceId: string }>;
}) {
  const { orgId, workspaceId } = await params;
  const caller = await serverCaller(`/app/${orgId}/workspaces/${workspaceId}/webhooks`);
  const ref = { organizationId: orgId, workspaceId };
  const [workspace, effective] = await Promise.all([
    caller.workspaces.get(ref),
    caller.assignments.effectiveSettings(ref),
  ]);
  let settings: Awaited<ReturnType<typeof caller.webhooks.settings>> | null = null;
  try {
    settings = await caller.webhooks.settings({ ...ref, limit: 50 });
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === "FORBIDDEN")) throw error;
  }
  const urls = [
    ...new Set(
      effective.approvals.flatMap((rule) =>
        rule.channels.flatMap((c) => (c.type === "webhook" ? [c.url] : [])),
      ),
    ),
  ];
  return (
    <div className="space-y-8">
      <div>
        <Link
          href={`/app/${orgId}/workspaces/${workspaceId}`}
          className="text-sm text-slate-500 hover:text-slate-800"
        >
          ← {workspace.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600">
          Approval requests of this workspace are posted, signed, to the webhook channels its
          policies name (<code>RequireApproval.NotificationChannels</code>), as{" "}
          <code>sekuire.webhook/v1</code> JSON: <code>approval.requested</code>, then{" "}
          <code>approval.escalated</code> at half the timeout, and <code>approval.decided</code> or{" "}
          <code>approval.expired</code> when it ends. Failed deliveries are retried with backoff.
        </p>
      </div>
      {!settings ? (
        <p role="alert" className={notice}>
          Only owners and admins manage webhooks.
        </p>
      ) : (
        <>
          <section aria-labelledby="secret-title" className={`${card} space-y-3`}>
            <h2 id="secret-title" className="text-lg font-semibold">
              Signing secret
            </h2>
            <p className="text-sm text-slate-600" data-testid="secret-status">
              {settings.secret.hint
                ? `whsec_…${settings.secret.hint}, set ${formatDateTime(settings.secret.rotatedAt ?? "")}.`
                : "No secret yet: deliveries fail until one is created."}{" "}
              Every delivery carries <code>Sekuire-Signature: t=…,v1=…</code>, the HMAC-SHA256 of{" "}
              <code>{"<t>.<body>"}</code> under it.
            </p>
            <WebhookSecretForm
              hasSecret={settings.secret.hint !== null}
              action={rotateWebhookSecretAction.bind(null, orgId, workspaceId)}
            />
          </section>

          <section aria-labelledby="receivers-title" className={`${card} space-y-3`}>
            <h2 id="receivers-title" className="text-lg font-semibold">
              Receivers
            </h2>
            {urls.length === 0 ? (
              <p className="text-sm text-slate-600">
                No live policy of this workspace names a webhook channel.
              </p>
            ) : (
              <ul aria-label="Webhook receivers" className="space-y-1 font-mono text-sm">
                {urls.map((url) => (
                  <li key={url}>{url}</li>
                ))}
              </ul>
            )}
            <TestDeliveryForm
              defaultUrl={urls[0] ?? ""}
              action={sendTestWebhookAction.bind(null, orgId, workspaceId)}
            />
          </section>

          <section aria-labelledby="deliveries-title" className="space-y-3">
            <h2 id="deliveries-title" className="text-lg font-semibold">
              Recent deliveries
            </h2>
            {settings.deliveries.length === 0 ? (
              <p className={notice}>Nothing delivered yet.</p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
                <table aria-label="Recent deliveries" className="min-w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                    <tr>
                      <th className="px-4 py-2">When</th>
                      <th className="px-4 py-2">Event</th>
                      <th className="px-4 py-2">Receiver</th>
                      <th className="px-4 py-2">Status</th>
                      <th className="px-4 py-2">Attempts</th>
                      <th className="px-4 py-2">Answer</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {settings.deliveries.map((d) => (
                      <tr key={d.id} data-delivery={d.id}>
                        <td className="whitespace-nowrap px-4 py-2">
                          {formatDateTime(d.createdAt)}
                        </td>
                        <td className="px-4 py-2 font-mono text-xs">
                          {d.approvalId ? (
                            <Link
                              href={`/app/${orgId}/approvals/${d.approvalId}`}
                              className="hover:text-brand-700"
                            >
                              {d.event}
                            </Link>
                          ) : (
                            d.event
                          )}
                        </td>
                        <td className="max-w-xs truncate px-4 py-2 font-mono text-xs">{d.url}</td>
                        <td className="px-4 py-2">
                          <span
                            className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STATUS_LOOK[d.status]}`}
                          >
                            {d.status}
                          </span>
                        </td>
                        <td className="px-4 py-2">{d.attempts}</td>
                        <td className="px-4 py-2 text-xs text-slate-600">
                          {d.responseStatus ? `HTTP ${d.responseStatus}` : ""}
                          {d.lastError && d.status !== "sent" ? (
                            <span className="block text-red-700">{d.lastError}</span>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
