"use server";

import { redirect } from "next/navigation";
import { type ActionResult, actionError, serverCaller } from "@/server/api";

/** A new organization with the caller as its owner; opens it. */
export async function createOrganizationAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const name = String(form.get("name") ?? "").trim();
  const caller = await serverCaller();
  let id: string;
  try {
    id = (await caller.organizations.create({ name })).id;
  } catch (error) {
    return actionError(error);
  }
  redirect(`/app/${id}/workspaces`);
}
