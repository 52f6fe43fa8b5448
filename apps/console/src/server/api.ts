/**
 * tRPC on the server: the same procedures the HTTP API serves, called in-process with the
 * session's user as the principal (roles are re-read from the database by core on every call).
 */
import { appErrorOf, createCaller } from "@sekuire/api";
import { platformDb as db } from "@sekuire/core/runtime";
import { TRPCError } from "@trpc/server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "./auth";
import { requestOriginOf } from "./client-ip";

/** The signed-in user and a caller acting as them; sends anyone else to the sign-in page. */
export async function signedIn(callbackUrl = "/app") {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const caller = createCaller({
    db,
    principal: { kind: "user", userId: user.id, label: user.email ?? undefined },
    requestId: `req_console_${Date.now()}`,
    // The user agent and the client's address (as the console's server saw it, client-ip.ts)
    // go into the audit events of the changes this caller makes.
    origin: requestOriginOf(await headers()),
  });
  return { user, caller };
}

export async function serverCaller(callbackUrl = "/app") {
  return (await signedIn(callbackUrl)).caller;
}

export interface ActionResult {
  ok: boolean;
  message?: string;
  details?: { pointer?: string; message: string }[];
}

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/**
 * The shape of almost every console write: call a procedure as the signed-in user, turn a tRPC
 * error into the form's message, refresh the pages that show what changed, confirm.
 */
export async function mutate(
  work: (caller: Caller) => Promise<unknown>,
  done: { revalidate: string | string[]; layout?: boolean; message?: string },
): Promise<ActionResult> {
  const caller = await serverCaller();
  try {
    await work(caller);
  } catch (error) {
    return actionError(error);
  }
  for (const path of [done.revalidate].flat())
    revalidatePath(path, done.layout ? "layout" : undefined);
  return { ok: true, ...(done.message ? { message: done.message } : {}) };
}

/** A tRPC error as a message a form can show (details with pointers when core gave them). */
export function actionError(error: unknown): ActionResult {
  if (error instanceof TRPCError) {
    // core's AppError, or the procedure's declared input refusing it: both name fields by pointer.
    const app = appErrorOf(error.cause);
    return { ok: false, message: app?.message ?? error.message, details: app?.details };
  }
  throw error;
}
