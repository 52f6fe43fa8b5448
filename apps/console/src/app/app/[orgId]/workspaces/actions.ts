"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, actionError, serverCaller } from "@/server/api";

export async function createWorkspaceAction(
  organizationId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const name = String(form.get("name") ?? "").trim();
  const slug = String(form.get("slug") ?? "").trim();
  const caller = await serverCaller();
  try {
    await caller.workspaces.create({ organizationId, name, ...(slug ? { slug } : {}) });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/workspaces`);
  return { ok: true, message: `Workspace “${name}” created.` };
}

export async function assignPolicyAction(
  organizationId: string,
  workspaceId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const policyId = String(form.get("policyId") ?? "");
  const pinned = String(form.get("pinnedVersionId") ?? "");
  const caller = await serverCaller();
  try {
    await caller.assignments.assign({
      organizationId,
      workspaceId,
      policyId,
      pinnedVersionId: pinned ? pinned : null,
    });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/workspaces/${workspaceId}`);
  return { ok: true, message: "Policy assigned." };
}

export async function unassignAction(
  organizationId: string,
  workspaceId: string,
  form: FormData,
): Promise<void> {
  const assignmentId = String(form.get("assignmentId") ?? "");
  const caller = await serverCaller();
  await caller.assignments.unassign({ organizationId, assignmentId });
  revalidatePath(`/app/${organizationId}/workspaces/${workspaceId}`);
}

export async function createAgentAction(
  organizationId: string,
  workspaceId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const name = String(form.get("name") ?? "").trim();
  const caller = await serverCaller();
  try {
    await caller.agents.create({ organizationId, workspaceId, name });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/workspaces/${workspaceId}`);
  return { ok: true, message: `Agent “${name}” created.` };
}

export interface CreatedKey extends ActionResult {
  secret?: string;
  display?: string;
}

export async function createApiKeyAction(
  organizationId: string,
  workspaceId: string,
  agentId: string,
): Promise<CreatedKey> {
  const caller = await serverCaller();
  try {
    const created = await caller.apiKeys.create({ organizationId, agentId });
    revalidatePath(`/app/${organizationId}/workspaces/${workspaceId}`);
    return { ok: true, secret: created.secret, display: created.key.display };
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeApiKeyAction(
  organizationId: string,
  workspaceId: string,
  form: FormData,
): Promise<void> {
  const keyId = String(form.get("keyId") ?? "");
  const caller = await serverCaller();
  await caller.apiKeys.revoke({ organizationId, keyId });
  revalidatePath(`/app/${organizationId}/workspaces/${workspaceId}`);
}
