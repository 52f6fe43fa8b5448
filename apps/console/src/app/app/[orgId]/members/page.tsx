import type { Metadata } from "next";
import {
  InviteForm,
  LeaveOrganizationForm,
  MemberControls,
  RevokeInvitationForm,
} from "@/components/app/member-forms";
import { formatDate } from "@/lib/format";
import { serverCaller } from "@/server/api";
import { currentUser } from "@/server/auth";
import {
  changeRoleAction,
  createInvitationAction,
  leaveOrganizationAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const caller = await serverCaller(`/app/${orgId}/members`);
  const [organizations, members, user] = await Promise.all([
    caller.organizations.list(),
    caller.members.list({ organizationId: orgId }),
    currentUser(),
  ]);
  const role = organizations.find((o) => o.id === orgId)?.role;
  const canManage = role === "owner" || role === "admin";
  const invitations = canManage
    ? await caller.members.invitations.list({ organizationId: orgId })
    : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="mt-1 text-sm text-slate-600">
          {canManage
            ? "People in this organization and their roles. Only owners grant or remove owner and admin."
            : "People in this organization and their roles. Ask an owner or admin to change them."}
        </p>
      </div>
      <ul
        aria-label="Members"
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        {members.map((m) => {
          const label = m.name ?? m.email;
          const isSelf = m.userId === user?.id;
          return (
            <li
              key={m.userId}
              aria-label={m.email}
              className="flex items-center justify-between gap-4 px-5 py-4"
            >
              <div className="min-w-0">
                <p className="font-medium">
                  {label}
                  {isSelf ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
                </p>
                <p className="text-sm text-slate-600">{m.email}</p>
                <p className="text-xs text-slate-500">Joined {formatDate(m.joinedAt)}</p>
              </div>
              {canManage && !isSelf ? (
                <MemberControls
                  label={m.email}
                  role={m.role}
                  changeRole={changeRoleAction.bind(null, orgId, m.userId)}
                  remove={removeMemberAction.bind(null, orgId, m.userId)}
                />
              ) : (
                <span
                  data-testid="member-role"
                  className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700"
                >
                  {m.role}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {canManage ? (
        <section className="space-y-3">
          <h2 className="font-semibold">Pending invitations</h2>
          {invitations.length === 0 ? (
            <p className="text-sm text-slate-600">No pending invitations.</p>
          ) : (
            <ul
              aria-label="Pending invitations"
              className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              {invitations.map((inv) => (
                <li key={inv.id} className="flex items-center justify-between gap-4 px-5 py-3">
                  <div>
                    <p className="font-medium">{inv.email}</p>
                    <p className="text-xs text-slate-500">
                      {inv.role} · expires {formatDate(inv.expiresAt)}
                    </p>
                  </div>
                  <RevokeInvitationForm
                    invitationId={inv.id}
                    email={inv.email}
                    action={revokeInvitationAction.bind(null, orgId)}
                  />
                </li>
              ))}
            </ul>
          )}
          <InviteForm action={createInvitationAction.bind(null, orgId)} />
        </section>
      ) : null}
      <LeaveOrganizationForm action={leaveOrganizationAction.bind(null, orgId)} />
    </div>
  );
}
