"use server";

import type { Role } from "@sekuire/core/access";
import { revalidatePath } from "next/cache";
import { type ActionResult, actionError, mutate, serverCaller } from "@/server/api";
import { expiryFrom } from "@/server/form-fields";

export interface CreatedToken extends ActionResult {
  secret?: string;
}

export async function renameOrganizationAction(
  organizationId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const name = String(form.get("name") ?? "").trim();
  return mutate((caller) => caller.organizations.update({ organizationId, name }), {
    revalidate: `/app/${organizationId}`,
    layout: true,
    message: "Organization renamed.",
  });
}

export async function setFourEyesAction(
  organizationId: string,
  requireFourEyes: boolean,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  return mutate((caller) => caller.organizations.update({ organizationId, requireFourEyes }), {
    revalidate: `/app/${organizationId}`,
    layout: true,
    message: requireFourEyes
      ? "Four eyes on: every publish now waits for a second admin."
      : "Four eyes off: admins publish directly.",
  });
}

export async function createAdminTokenAction(
  organizationId: string,
  _previous: CreatedToken | null,
  form: FormData,
): Promise<CreatedToken> {
  const name = String(form.get("name") ?? "").trim();
  // Core checks the role and answers a bad one with its pointer (/role); nothing is defaulted.
  const role = String(form.get("role") ?? "") as Role;
  // "never" is an explicit null; no choice at all leaves core's default (90 days).
  const expiresAt = form.get("expiresInDays") === "never" ? null : expiryFrom(form);
  const caller = await serverCaller();
  try {
    const created = await caller.adminTokens.create({
      organizationId,
      name,
      role,
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    });
    revalidatePath(`/app/${organizationId}/settings`);
    return { ok: true, secret: created.secret, message: `Token “${name}” created.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function revokeAdminTokenAction(
  organizationId: string,
  tokenId: string,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  return mutate((caller) => caller.adminTokens.revoke({ organizationId, tokenId }), {
    revalidate: `/app/${organizationId}/settings`,
    message: "Token revoked.",
  });
}
