/**
 * next-auth v4 options for the console.
 *
 * Sessions are JWTs (next-auth v4 allows the Credentials provider only with JWT sessions); the
 * token carries nothing but the user id (`sub`), expiry and the id of a server-side session
 * record (`sid`, core's accounts/sessions.ts) that sign-out deletes, so a copied cookie dies with the session. Roles are never read from it: the
 * tRPC context turns the session into `{ kind: "user", userId }` and core re-reads memberships
 * on every call. The Prisma adapter is still used, for magic-link verification tokens and users.
 */
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Principal } from "@sekuire/core/access";
import {
  accountExists,
  closeSession,
  dummyHash,
  openSession,
  passwordSignIn,
  recordEmailSignIn,
  requestSignInLink,
  sessionIsOpen,
} from "@sekuire/core/accounts";
import { authAdapterClient, platformDb as db } from "@sekuire/core/runtime";
import { cookies, headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { safeCallbackPath } from "../lib/safe-callback";
import { clientIp, headerValue } from "./client-ip";
import { consoleEnv } from "./env";
import { authSecret } from "./secret";

/** Session lifetime: SEKUIRE_SESSION_MAX_AGE seconds, default 12 hours. */
export function sessionMaxAge(): number {
  return consoleEnv().SEKUIRE_SESSION_MAX_AGE ?? 12 * 60 * 60;
}

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (options) return options;
  // Made now, so the first unknown email does not pay for it.
  void dummyHash();
  options = {
    secret: authSecret(),
    // biome-ignore lint/suspicious/noExplicitAny: the adapter is typed for @prisma/client; ours is the generated client.
    adapter: PrismaAdapter(authAdapterClient() as any),
    session: { strategy: "jwt", maxAge: sessionMaxAge() },
    jwt: { maxAge: sessionMaxAge() },
    pages: { signIn: "/sign-in", error: "/sign-in", verifyRequest: "/sign-in?sent=1" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const result = await passwordSignIn(db, {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            ip: clientIp(req?.headers),
            userAgent: headerValue(req?.headers, "user-agent"),
          });
          // next-auth shows a thrown error's message on the sign-in page.
          if (!result.ok) throw new Error(result.message);
          return result.user;
        },
      }),
      EmailProvider({
        // Sending goes through @sekuire/email (SMTP from env, or the log in development).
        server: "smtp://unused.invalid",
        from: consoleEnv().SMTP_FROM ?? "Sekuire <no-reply@sekuire.local>",
        maxAge: 15 * 60,
        async sendVerificationRequest({ identifier, url }) {
          await requestSignInLink(db, identifier, url);
        },
      }),
    ],
    callbacks: {
      // Every callbackUrl next-auth follows (the form's, a link's, one posted straight to its
      // endpoint, the callback-url cookie) stays on NEXTAUTH_URL's origin, by the page's rule.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
      async signIn({ user, account, email }) {
        if (account?.provider !== "email") return true;
        // The link request itself (verificationRequest) is allowed; following a link signs in
        // only an existing user.
        if (email?.verificationRequest) return true;
        return accountExists(db, user.email ?? "");
      },
      async jwt({ token, user }) {
        // Only the user id and the session's id live in the token: never roles.
        if (user) {
          token.sub = user.id;
          token.sid = await openSession(db, user.id, sessionMaxAge());
        }
        return { sub: token.sub, email: token.email, name: token.name, sid: token.sid };
      },
      async session({ session, token }) {
        // A token whose session was closed (signed out) or never recorded carries no user.
        if (!(await sessionIsOpen(db, token.sid, token.sub))) return { expires: session.expires };
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        await closeSession(db, token?.sid);
      },
      async signIn({ user, account }) {
        // Password sign-ins are recorded in authorize (with the address); magic links here.
        if (account?.provider !== "email" || !user.email) return;
        await recordEmailSignIn(db, { id: user.id, email: user.email });
      },
    },
  };
  return options;
}

export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
}

/** The signed-in user of the current request (server components, route handlers), or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as
    | { id?: string; email?: string | null; name?: string | null }
    | undefined;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? null, name: user.name ?? null };
}

/** The session as a principal for core and the API; roles are looked up by core per call. */
export async function sessionPrincipal(): Promise<Principal | null> {
  const user = await currentUser();
  return user ? { kind: "user", userId: user.id, label: user.email ?? undefined } : null;
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
