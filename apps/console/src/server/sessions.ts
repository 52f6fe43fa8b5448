/**
 * Server-side records of signed-in sessions, so that signing out really ends a session.
 *
 * next-auth v4 keeps sessions in a JWT cookie (it allows passwords only with JWTs), and a JWT
 * stays valid until it expires: a copied cookie would outlive sign-out. So each sign-in opens a
 * row in the Session table, the token carries its random id (`sid`), every request checks the
 * row is still there, and sign-out deletes it. Only the SHA-256 of the id is stored.
 */
import { randomBytes } from "node:crypto";
import { hashSecret } from "@sekuire/core";
import { type DbTransaction, db } from "@sekuire/db";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { authSecret } from "./secret";

export async function openSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.$transaction([
    // A sign-in is a good moment to forget this user's sessions that ran out.
    db.session.deleteMany({ where: { userId, expires: { lt: now } } }),
    db.session.create({
      data: {
        userId,
        sessionToken: hashSecret(sid),
        expires: new Date(now.getTime() + maxAgeSeconds * 1000),
      },
    }),
  ]);
  return sid;
}

/** Whether the session `sid` of `userId` is open: signed in, not signed out, not expired. */
export async function sessionIsOpen(sid: unknown, userId: unknown): Promise<boolean> {
  if (typeof sid !== "string" || typeof userId !== "string" || sid === "") return false;
  const row = await db.session.findUnique({
    where: { sessionToken: hashSecret(sid) },
    select: { userId: true, expires: true },
  });
  return row !== null && row.userId === userId && row.expires.getTime() > Date.now();
}

export async function closeSession(sid: unknown): Promise<void> {
  if (typeof sid !== "string" || sid === "") return;
  await db.session.deleteMany({ where: { sessionToken: hashSecret(sid) } });
}

/** Ends every session of the user but `keepSid` (the one asking): "sign out everywhere else". */
export async function closeOtherSessions(
  userId: string,
  keepSid: string | null,
  client: Pick<DbTransaction, "session"> = db,
): Promise<number> {
  const { count } = await client.session.deleteMany({
    where: { userId, ...(keepSid ? { NOT: { sessionToken: hashSecret(keepSid) } } : {}) },
  });
  return count;
}

/** The session id inside the current request's session cookie (server actions, route handlers). */
export async function currentSessionId(): Promise<string | null> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const req = {
    headers: Object.fromEntries(h.entries()),
    cookies: Object.fromEntries(c.getAll().map((cookie) => [cookie.name, cookie.value])),
  };
  // getToken only reads headers and cookies; its type wants a full request.
  const token = await getToken({ req: req as never, secret: authSecret() });
  return typeof token?.sid === "string" ? token.sid : null;
}
