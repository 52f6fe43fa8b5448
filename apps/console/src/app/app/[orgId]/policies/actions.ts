"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, actionError, serverCaller } from "@/server/api";

const TEMPLATE_IDS = ["development", "production", "hipaa"] as const;
type TemplateId = (typeof TEMPLATE_IDS)[number];

/**
 * Creates a policy from a template or blank, named as the form says. A refusal (a missing name,
 * a role too low) comes back as the form's message at its field, never as a failed page.
 */
export async function createPolicyAction(
  organizationId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const raw = String(form.get("templateId") ?? "");
  const templateId = TEMPLATE_IDS.find((t) => t === raw) as TemplateId | undefined;
  const description = String(form.get("description") ?? "").trim();
  const caller = await serverCaller();
  let policyId: string;
  try {
    const { policy } = await caller.policies.create({
      organizationId,
      // Sent as typed: core requires a name for a blank start and says so at /name.
      name: String(form.get("name") ?? ""),
      ...(description ? { description } : {}),
      ...(templateId ? { templateId } : {}),
    });
    policyId = policy.id;
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/policies`);
  redirect(`/app/${organizationId}/policies/${policyId}`);
}

export async function saveDraftAction(
  organizationId: string,
  policyId: string,
  document: string,
): Promise<ActionResult> {
  const caller = await serverCaller();
  try {
    await caller.policies.saveDraft({ organizationId, policyId, document });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/policies`);
  revalidatePath(`/app/${organizationId}/policies/${policyId}`);
  return { ok: true, message: "Draft saved." };
}

export async function publishAction(
  organizationId: string,
  policyId: string,
  document: string,
  changeNote: string,
): Promise<ActionResult> {
  const caller = await serverCaller();
  let message = "Published.";
  try {
    const result = await caller.policies.publish({
      organizationId,
      policyId,
      document,
      changeNote,
    });
    message =
      result.status === "published"
        ? `Published version ${result.version.number}.`
        : "Sent for approval: another admin must approve it.";
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/policies`);
  revalidatePath(`/app/${organizationId}/policies/${policyId}`);
  return { ok: true, message };
}

export async function restoreVersionAction(
  organizationId: string,
  policyId: string,
  versionId: string,
): Promise<ActionResult> {
  const caller = await serverCaller();
  try {
    await caller.policies.restoreVersion({ organizationId, versionId });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/policies/${policyId}`);
  return { ok: true };
}

/** Approve (publishes the requested document as a new version) or reject a publish request. */
export async function decidePublishAction(
  organizationId: string,
  policyId: string,
  requestId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const approve = form.get("decision") === "approve";
  const note = String(form.get("note") ?? "").trim();
  const caller = await serverCaller();
  let outcome: string;
  try {
    const input = { organizationId, requestId, ...(note ? { note } : {}) };
    if (approve) {
      const { version } = await caller.policies.approvePublishRequest(input);
      outcome = `approved=${version.number}`;
    } else {
      const { request } = await caller.policies.rejectPublishRequest(input);
      outcome = `closed=${request.status}`;
    }
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/policies`);
  // The request leaves the pending list, so the outcome travels in the URL to the page's banner.
  redirect(`/app/${organizationId}/policies/${policyId}?${outcome}`);
}
