"use server";

import { changePassword, closeOtherSessions } from "@sekuire/core/accounts";
import { platformDb } from "@sekuire/core/runtime";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { type ActionResult, signedIn } from "@/server/api";
import { currentSessionId } from "@/server/auth";
import { requestOriginOf } from "@/server/client-ip";

/** The request's address (as the console's server saw it) and user agent. */
async function origin() {
  const { ip, userAgent } = requestOriginOf(await headers());
  return { ip: ip ?? null, userAgent: userAgent ?? null };
}

function others(n: number): string {
  return n === 0 ? "No other session was open." : `${n} other session${n === 1 ? "" : "s"} ended.`;
}

export async function changePasswordAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const { user } = await signedIn("/account");
  const result = await changePassword(
    platformDb,
    user.id,
    { current: String(form.get("current") ?? ""), next: String(form.get("next") ?? "") },
    await currentSessionId(),
    await origin(),
  );
  if (!result.ok)
    return {
      ok: false,
      message: result.message,
      details: [{ pointer: result.pointer, message: result.message }],
    };
  revalidatePath("/account");
  return { ok: true, message: `Password changed. ${others(result.closed)}` };
}

export async function signOutOthersAction(_previous: ActionResult | null): Promise<ActionResult> {
  const { user } = await signedIn("/account");
  const closed = await closeOtherSessions(platformDb, user.id, await currentSessionId());
  revalidatePath("/account");
  return { ok: true, message: others(closed) };
}
