import type { Metadata } from "next";
import { CreateAdminTokenForm, RevokeAdminTokenForm } from "@/components/app/admin-token-forms";
import { FourEyesForm, RenameOrganizationForm } from "@/components/app/org-settings-forms";
import { notice } from "@/components/ui/styles";
import { formatDate } from "@/lib/format";
import { serverCaller } from "@/server/api";
import {
  createAdminTokenAction,
  renameOrganizationAction,
  revokeAdminTokenAction,
  setFourEyesAction,
} from "./actions";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const caller = await serverCaller(`/app/${orgId}/settings`);
  const organizations = await caller.organizations.list();
  const org = organizations.find((o) => o.id === orgId);
  const role = org?.role;
  const isAdmin = role === "owner" || role === "admin";
  const tokens = isAdmin ? await caller.adminTokens.list({ organizationId: orgId }) : [];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">
          The organization, its publishing rule, and tokens for scripts.
        </p>
      </div>
      {isAdmin && org ? (
        <RenameOrganizationForm
          name={org.name}
          action={renameOrganizationAction.bind(null, orgId)}
        />
      ) : null}
      <FourEyesForm
        enabled={org?.requireFourEyes ?? false}
        canChange={role === "owner"}
        action={setFourEyesAction.bind(null, orgId, !(org?.requireFourEyes ?? false))}
      />
      {isAdmin ? (
        <section aria-labelledby="tokens-title" className="space-y-3">
          <h2 id="tokens-title" className="text-lg font-semibold">
            Admin tokens
          </h2>
          <p className="text-sm text-slate-600">
            Scripts and the CLI call the same API as this console with a token (
            <code className="font-mono text-xs">sek_admin_…</code>). A token acts with the role it
            was given, never higher than its creator's current role, and is revoked when its creator
            leaves the organization or is demoted below it. Tokens expire after 90 days unless you
            choose otherwise.
          </p>
          {tokens.length === 0 ? (
            <div className={notice}>No admin tokens yet.</div>
          ) : (
            <ul
              aria-label="Admin tokens"
              className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              {tokens.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                  <span className="font-medium">{t.name}</span>
                  <code className="font-mono text-xs">{t.display}</code>
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">{t.role}</span>
                  <span
                    className={`text-xs ${t.status === "active" ? "text-emerald-700" : "text-slate-500"}`}
                  >
                    {t.status}
                  </span>
                  <span className="text-xs text-slate-500">
                    {t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : "never used"}
                    {t.status === "active"
                      ? t.expiresAt
                        ? ` · expires ${formatDate(t.expiresAt)}`
                        : " · never expires"
                      : ""}
                  </span>
                  {t.status === "active" ? (
                    <div className="ml-auto">
                      <RevokeAdminTokenForm
                        name={t.name}
                        action={revokeAdminTokenAction.bind(null, orgId, t.id)}
                      />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <CreateAdminTokenForm
            organizationId={orgId}
            action={createAdminTokenAction.bind(null, orgId)}
          />
        </section>
      ) : null}
    </div>
  );
}
