/**
 * next-auth v4 options for the console.
 *
 * Sessions are JWTs (next-auth v4 allows the Credentials provider only with JWT sessions); the
 * token carries nothing but the user id (`sub`), expiry and the id of a server-side session
 * record (`sid`, sessions.ts) that sign-out deletes, so a copied cookie dies with the session. Roles are never read from it: the
 * tRPC context turns the session into `{ kind: "user", userId }` and core re-reads memberships
 * on every call. The Prisma adapter is still used, for magic-link verification tokens and users.
 */
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Principal } from "@sekuire/core/access";
import { db } from "@sekuire/db";
import { mailerFromEnv, signInLinkEmail } from "@sekuire/email";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { safeCallbackPath } from "../lib/safe-callback";
import { recordSignIn } from "./audit";
import { clientIp, headerValue } from "./client-ip";
import { consoleEnv } from "./env";
import { dummyHash, passwordMatches } from "./password-check";
import { authSecret } from "./secret";
import { closeSession, openSession, sessionIsOpen } from "./sessions";
import { checkThrottle, throttledMessage } from "./throttle";

/** Session lifetime: SEKUIRE_SESSION_MAX_AGE seconds, default 12 hours. */
export function sessionMaxAge(): number {
  return consoleEnv().SEKUIRE_SESSION_MAX_AGE ?? 12 * 60 * 60;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// The adapter reaches the database only when called, so importing this module (next build)
// needs no DATABASE_URL.
const lazyPrisma = new Proxy(
  {},
  {
    get(_target, property) {
      const client = db.$unscoped;
      const value = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  },
);

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (options) return options;
  // Made now, so the first unknown email does not pay for it.
  void dummyHash();
  options = {
    secret: authSecret(),
    // biome-ignore lint/suspicious/noExplicitAny: the adapter is typed for @prisma/client; ours is the generated client.
    adapter: PrismaAdapter(lazyPrisma as any),
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
          const email = normalizeEmail(credentials?.email ?? "");
          const password = credentials?.password ?? "";
          if (!email || !password) throw new Error("Enter your email and password.");
          const ip = clientIp(req?.headers);
          const userAgent = headerValue(req?.headers, "user-agent");
          const user = await db.user.findUnique({
            where: { email },
            select: { id: true, email: true, name: true, passwordHash: true },
          });
          const base = {
            email,
            ip,
            userAgent,
            method: "password" as const,
            userId: user?.id ?? null,
          };
          const verdict = await checkThrottle(db, email, ip);
          if (!verdict.allowed) {
            await recordSignIn(db, { ...base, success: false, reason: "throttled" });
            throw new Error(throttledMessage(verdict.retryAfterSeconds ?? 60));
          }
          const ok = await passwordMatches(user?.passwordHash, password);
          if (!user || !ok) {
            await recordSignIn(db, {
              ...base,
              success: false,
              reason: !user ? "unknown_user" : user.passwordHash ? "bad_password" : "no_password",
            });
            throw new Error("Wrong email or password.");
          }
          await recordSignIn(db, { ...base, success: true });
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      EmailProvider({
        // Sending goes through @sekuire/email (SMTP from env, or the log in development).
        server: "smtp://unused.invalid",
        from: consoleEnv().SMTP_FROM ?? "Sekuire <no-reply@sekuire.local>",
        maxAge: 15 * 60,
        async sendVerificationRequest({ identifier, url }) {
          const email = normalizeEmail(identifier);
          // Only existing accounts get a link (sign up first); the answer is the same either
          // way, so the form does not reveal who has an account.
          const user = await db.user.findUnique({ where: { email }, select: { id: true } });
          if (!user) {
            console.info(`[auth] sign-in link requested for unknown email ${email}: not sent`);
            return;
          }
          const { host } = new URL(url);
          const mailer = mailerFromEnv();
          try {
            await mailer.send({ to: email, ...signInLinkEmail({ url, host }) });
          } finally {
            mailer.close();
          }
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
        const existing = await db.user.findUnique({
          where: { email: normalizeEmail(user.email ?? "") },
          select: { id: true },
        });
        return Boolean(existing);
      },
      async jwt({ token, user }) {
        // Only the user id and the session's id live in the token: never roles.
        if (user) {
          token.sub = user.id;
          token.sid = await openSession(user.id, sessionMaxAge());
        }
        return { sub: token.sub, email: token.email, name: token.name, sid: token.sid };
      },
      async session({ session, token }) {
        // A token whose session was closed (signed out) or never recorded carries no user.
        if (!(await sessionIsOpen(token.sid, token.sub))) return { expires: session.expires };
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        await closeSession(token?.sid);
      },
      async signIn({ user, account }) {
        // Password sign-ins are recorded in authorize (with the address); magic links here.
        if (account?.provider !== "email" || !user.email) return;
        await recordSignIn(db, {
          email: normalizeEmail(user.email),
          ip: null,
          success: true,
          userId: user.id,
          method: "email",
        });
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
