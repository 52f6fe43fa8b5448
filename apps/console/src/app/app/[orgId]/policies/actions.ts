"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, actionError, serverCaller } from "@/server/api";

const TEMPLATE_IDS = ["development", "production", "hipaa"] as const;
type TemplateId = (typeof TEMPLATE_IDS)[number];

export async function createPolicyAction(organizationId: string, form: FormData): Promise<void> {
  const raw = String(form.get("templateId") ?? "");
  const templateId = TEMPLATE_IDS.find((t) => t === raw) as TemplateId | undefined;
  const caller = await serverCaller();
  const { policy } = await caller.policies.create({
    organizationId,
    ...(templateId ? { templateId } : {}),
  });
  revalidatePath(`/app/${organizationId}/policies`);
  redirect(`/app/${organizationId}/policies/${policy.id}`);
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
    const result = (await caller.policies.publish({
      organizationId,
      policyId,
      document,
      changeNote,
    })) as { version?: { number?: number } | null; request?: unknown };
    if (result.version?.number) message = `Published version ${result.version.number}.`;
    else if (result.request) message = "Sent for approval: another admin must approve it.";
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
