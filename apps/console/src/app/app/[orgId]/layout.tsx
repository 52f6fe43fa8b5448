import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { OrgSwitcher } from "@/components/app/org-switcher";
import { NavLink } from "@/components/nav-link";
import { serverCaller } from "@/server/api";

export const dynamic = "force-dynamic";

export default async function OrgLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgId: string }>;
}) {
  const { orgId } = await params;
  const caller = await serverCaller(`/app/${orgId}/workspaces`);
  const organizations = await caller.organizations.list();
  const org = organizations.find((o) => o.id === orgId);
  if (!org) notFound();
  const pending = await caller.approvals.pendingCount({ organizationId: org.id });
  return (
    <div className="mx-auto flex w-full max-w-7xl gap-8 px-6 py-8">
      <aside className="w-56 shrink-0" aria-label="Console navigation">
        <OrgSwitcher current={org.id} organizations={organizations} />
        <p className="mt-2 text-xs text-slate-500">
          Your role: <span className="font-medium text-slate-700">{org.role}</span>
        </p>
        <nav className="mt-6 space-y-1">
          <NavLink variant="side" href={`/app/${org.id}/workspaces`}>
            Workspaces
          </NavLink>
          <NavLink variant="side" href={`/app/${org.id}/policies`}>
            Policies
          </NavLink>
          <NavLink variant="side" href={`/app/${org.id}/approvals`}>
            Approvals
            {pending > 0 ? (
              <span className="ml-2 rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-white">
                {pending}
                <span className="sr-only"> waiting</span>
              </span>
            ) : null}
          </NavLink>
          <NavLink variant="side" href={`/app/${org.id}/decisions`}>
            Decisions
          </NavLink>
          <NavLink variant="side" href={`/app/${org.id}/members`}>
            Members
          </NavLink>
          <NavLink variant="side" href={`/app/${org.id}/audit`}>
            Audit trail
          </NavLink>
          <NavLink variant="side" href={`/app/${org.id}/settings`}>
            Settings
          </NavLink>
        </nav>
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
