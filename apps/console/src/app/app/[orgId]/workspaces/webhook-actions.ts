"use server";

/**
 * A workspace's webhook settings, as its webhooks page changes them. The rotated secret comes
 * back once, straight to the admin's browser; nothing here stores or logs it.
 */
import { revalidatePath } from "next/cache";
import { type ActionResult, actionError, serverCaller } from "@/server/api";

export interface RotatedSecret extends ActionResult {
  secret?: string;
}

const pathOf = (organizationId: string, workspaceId: string) =>
  `/app/${organizationId}/workspaces/${workspaceId}/webhooks`;

export async function rotateWebhookSecretAction(
  organizationId: string,
  workspaceId: string,
  _previous: RotatedSecret | null,
): Promise<RotatedSecret> {
  const caller = await serverCaller();
  try {
    const { secret } = await caller.webhooks.rotateSecret({ organizationId, workspaceId });
    revalidatePath(pathOf(organizationId, workspaceId));
    return { ok: true, secret };
  } catch (error) {
    return actionError(error);
  }
}

export async function sendTestWebhookAction(
  organizationId: string,
  workspaceId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const caller = await serverCaller();
  const url = String(form.get("url") ?? "").trim();
  try {
    const result = await caller.webhooks.sendTest({ organizationId, workspaceId, url });
    revalidatePath(pathOf(organizationId, workspaceId));
    return result.sent
      ? { ok: true, message: `Delivered: the receiver answered ${result.status}.` }
      : { ok: false, message: `Not delivered: ${result.error}` };
  } catch (error) {
    return actionError(error);
  }
}
