"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, actionError, serverCaller } from "@/server/api";

type Role = "owner" | "admin" | "approver" | "viewer";

function membersPath(organizationId: string) {
  return `/app/${organizationId}/members`;
}

export async function changeRoleAction(
  organizationId: string,
  userId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const role = String(form.get("role") ?? "") as Role;
  const caller = await serverCaller();
  try {
    await caller.members.changeRole({ organizationId, userId, role });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(membersPath(organizationId));
  return { ok: true, message: `Role changed to ${role}.` };
}

export async function removeMemberAction(
  organizationId: string,
  userId: string,
  _previous: ActionResult | null,
  _form: FormData,
): Promise<ActionResult> {
  const caller = await serverCaller();
  try {
    await caller.members.remove({ organizationId, userId });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(membersPath(organizationId));
  return { ok: true, message: "Member removed." };
}

export async function leaveOrganizationAction(
  organizationId: string,
  _previous: ActionResult | null,
  _form: FormData,
): Promise<ActionResult> {
  const caller = await serverCaller();
  try {
    await caller.members.leave({ organizationId });
  } catch (error) {
    return actionError(error);
  }
  redirect("/app");
}

export interface CreatedInvitationResult extends ActionResult {
  token?: string;
  email?: string;
}

export async function createInvitationAction(
  organizationId: string,
  _previous: CreatedInvitationResult | null,
  form: FormData,
): Promise<CreatedInvitationResult> {
  const email = String(form.get("email") ?? "").trim();
  const role = String(form.get("role") ?? "") as Role;
  const caller = await serverCaller();
  try {
    const created = await caller.members.invitations.create({ organizationId, email, role });
    revalidatePath(membersPath(organizationId));
    return {
      ok: true,
      message: `Invitation for ${email} created.`,
      token: created.token,
      email,
    };
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeInvitationAction(
  organizationId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const invitationId = String(form.get("invitationId") ?? "");
  const caller = await serverCaller();
  try {
    await caller.members.invitations.revoke({ organizationId, invitationId });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(membersPath(organizationId));
  return { ok: true, message: "Invitation revoked." };
}
