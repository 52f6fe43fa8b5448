"use server";

/**
 * Agents and their API keys, as the workspace page changes them. Secrets come back from
 * create/rotate once, straight to the admin's browser; nothing here stores or logs them.
 */
import { revalidatePath } from "next/cache";
import { type ActionResult, actionError, mutate, serverCaller } from "@/server/api";
import { expiryFrom } from "@/server/form-fields";

export interface CreatedKey extends ActionResult {
  secret?: string;
  display?: string;
}

function workspacePath(organizationId: string, workspaceId: string) {
  return `/app/${organizationId}/workspaces/${workspaceId}`;
}

export async function createAgentAction(
  organizationId: string,
  workspaceId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const name = String(form.get("name") ?? "").trim();
  return mutate((caller) => caller.agents.create({ organizationId, workspaceId, name }), {
    revalidate: workspacePath(organizationId, workspaceId),
    message: `Agent “${name}” created.`,
  });
}

export async function setAgentFrozenAction(
  organizationId: string,
  workspaceId: string,
  agentId: string,
  frozen: boolean,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  return mutate((caller) => caller.agents.setFrozen({ organizationId, agentId, frozen }), {
    revalidate: workspacePath(organizationId, workspaceId),
    message: frozen ? "Agent frozen." : "Agent unfrozen.",
  });
}

export async function deleteAgentAction(
  organizationId: string,
  workspaceId: string,
  agentId: string,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  return mutate((caller) => caller.agents.delete({ organizationId, agentId }), {
    revalidate: workspacePath(organizationId, workspaceId),
    message: "Agent deleted.",
  });
}

export async function createApiKeyAction(
  organizationId: string,
  workspaceId: string,
  agentId: string,
  _previous: CreatedKey | null,
  form: FormData,
): Promise<CreatedKey> {
  const caller = await serverCaller();
  try {
    const expiresAt = expiryFrom(form);
    const created = await caller.apiKeys.create({
      organizationId,
      agentId,
      ...(expiresAt ? { expiresAt } : {}),
    });
    revalidatePath(workspacePath(organizationId, workspaceId));
    return { ok: true, secret: created.secret, display: created.key.display };
  } catch (error) {
    return actionError(error);
  }
}

export async function rotateApiKeyAction(
  organizationId: string,
  workspaceId: string,
  keyId: string,
  _previous: CreatedKey | null,
  form: FormData,
): Promise<CreatedKey> {
  const gracePeriodSeconds = Number(form.get("gracePeriodSeconds") ?? "0");
  const caller = await serverCaller();
  try {
    const rotated = await caller.apiKeys.rotate({ organizationId, keyId, gracePeriodSeconds });
    revalidatePath(workspacePath(organizationId, workspaceId));
    return { ok: true, secret: rotated.secret, display: rotated.key.display };
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeApiKeyAction(
  organizationId: string,
  workspaceId: string,
  keyId: string,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  return mutate((caller) => caller.apiKeys.revoke({ organizationId, keyId }), {
    revalidate: workspacePath(organizationId, workspaceId),
    message: "Key revoked.",
  });
}
