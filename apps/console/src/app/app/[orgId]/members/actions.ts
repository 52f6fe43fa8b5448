"use server";

import type { Role } from "@sekuire/core/access";
import { invitationUrl, type MailOutcome, sendInvitationEmail } from "@sekuire/core/mail";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, actionError, mutate, serverCaller, signedIn } from "@/server/api";
import { publicBaseUrl } from "@/server/public-url";

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
  return mutate((caller) => caller.members.changeRole({ organizationId, userId, role }), {
    revalidate: membersPath(organizationId),
    message: `Role changed to ${role}.`,
  });
}

export async function removeMemberAction(
  organizationId: string,
  userId: string,
  _previous: ActionResult | null,
  _form: FormData,
): Promise<ActionResult> {
  return mutate((caller) => caller.members.remove({ organizationId, userId }), {
    revalidate: membersPath(organizationId),
    message: "Member removed.",
  });
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
  /** the acceptance link, shown once */
  link?: string;
  email?: string;
}

function mailNote(outcome: MailOutcome): string {
  if (outcome === "sent") return "An email with the link is on its way.";
  if (outcome === "logged") return "No SMTP is configured: the email went to the server log.";
  return `The email could not be sent (${outcome.failed}); send the link yourself.`;
}

export async function createInvitationAction(
  organizationId: string,
  _previous: CreatedInvitationResult | null,
  form: FormData,
): Promise<CreatedInvitationResult> {
  const email = String(form.get("email") ?? "").trim();
  const role = String(form.get("role") ?? "") as Role;
  const { user, caller } = await signedIn();
  let token: string;
  let organizationName: string;
  try {
    token = (await caller.members.invitations.create({ organizationId, email, role })).token;
    const orgs = await caller.organizations.list();
    organizationName = orgs.find((o) => o.id === organizationId)?.name ?? "an organization";
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(membersPath(organizationId));
  const link = invitationUrl(await publicBaseUrl(), token);
  const outcome = await sendInvitationEmail({
    to: email,
    url: link,
    organizationName,
    role,
    invitedBy: user.name ?? user.email,
  });
  return {
    ok: true,
    message: `Invitation for ${email} created. ${mailNote(outcome)}`,
    link,
    email,
  };
}

export async function revokeInvitationAction(
  organizationId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const invitationId = String(form.get("invitationId") ?? "");
  return mutate((caller) => caller.members.invitations.revoke({ organizationId, invitationId }), {
    revalidate: membersPath(organizationId),
    message: "Invitation revoked.",
  });
}
