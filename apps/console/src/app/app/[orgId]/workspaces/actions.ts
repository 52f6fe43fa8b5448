"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, actionError, mutate, serverCaller } from "@/server/api";

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
  return mutate(
    (caller) =>
      caller.assignments.assign({
        organizationId,
        workspaceId,
        policyId,
        pinnedVersionId: pinned ? pinned : null,
      }),
    { revalidate: `/app/${organizationId}/workspaces/${workspaceId}`, message: "Policy assigned." },
  );
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

export async function updateWorkspaceAction(
  organizationId: string,
  workspaceId: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const name = String(form.get("name") ?? "").trim();
  const slug = String(form.get("slug") ?? "").trim();
  const description = String(form.get("description") ?? "").trim();
  return mutate(
    (caller) =>
      caller.workspaces.update({
        organizationId,
        workspaceId,
        name,
        slug,
        description: description === "" ? null : description,
      }),
    { revalidate: `/app/${organizationId}/workspaces`, layout: true, message: "Workspace saved." },
  );
}

/** Deletes only when the typed slug matches, so a slip of the mouse cannot delete production. */
export async function deleteWorkspaceAction(
  organizationId: string,
  workspaceId: string,
  slug: string,
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  if (String(form.get("confirm") ?? "").trim() !== slug) {
    return { ok: false, message: `Type ${slug} to confirm.` };
  }
  const caller = await serverCaller();
  try {
    await caller.workspaces.delete({ organizationId, workspaceId });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/app/${organizationId}/workspaces`);
  redirect(`/app/${organizationId}/workspaces?deleted=${encodeURIComponent(slug)}`);
}

/** The workspace kill switch: every decision for its agents is Deny `Frozen` until unfrozen. */
export async function setWorkspaceFrozenAction(
  organizationId: string,
  workspaceId: string,
  frozen: boolean,
  _previous: ActionResult | null,
): Promise<ActionResult> {
  return mutate((caller) => caller.workspaces.setFrozen({ organizationId, workspaceId, frozen }), {
    revalidate: `/app/${organizationId}/workspaces/${workspaceId}`,
    message: frozen
      ? "Workspace frozen: every decision is Deny."
      : "Workspace unfrozen: policies decide again.",
  });
}
