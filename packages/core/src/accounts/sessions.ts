/**
 * Server-side records of signed-in sessions, so that signing out really ends a session.
 *
 * The console's next-auth keeps sessions in a JWT cookie, and a JWT stays valid until it
 * expires: a copied cookie would outlive sign-out. So each sign-in opens a row in the Session
 * table, the token carries its random id (`sid`), every request checks the row is still there,
 * and sign-out deletes it. Only the SHA-256 of the id is stored.
 */
import { randomBytes } from "node:crypto";
import type { Db, DbTransaction } from "@sekuire/db";
import { hashSecret } from "../secrets.js";

export async function openSession(db: Db, userId: string, maxAgeSeconds: number): Promise<string> {
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
export async function sessionIsOpen(db: Db, sid: unknown, userId: unknown): Promise<boolean> {
  if (typeof sid !== "string" || typeof userId !== "string" || sid === "") return false;
  const row = await db.session.findUnique({
    where: { sessionToken: hashSecret(sid) },
    select: { userId: true, expires: true },
  });
  return row !== null && row.userId === userId && row.expires.getTime() > Date.now();
}

export async function closeSession(db: Db, sid: unknown): Promise<void> {
  if (typeof sid !== "string" || sid === "") return;
  await db.session.deleteMany({ where: { sessionToken: hashSecret(sid) } });
}

/** Ends every session of the user but `keepSid` (the one asking): "sign out everywhere else". */
export async function closeOtherSessions(
  client: Pick<DbTransaction, "session">,
  userId: string,
  keepSid: string | null,
): Promise<number> {
  const { count } = await client.session.deleteMany({
    where: { userId, ...(keepSid ? { NOT: { sessionToken: hashSecret(keepSid) } } : {}) },
  });
  return count;
}
