"use client";

import Link from "next/link";
import type { Session } from "next-auth";
import { getSession, signOut } from "next-auth/react";
import { useEffect, useState } from "react";

/**
 * The header's right side. It asks next-auth for the session in the browser, so that the public
 * pages stay static while the header still shows who is signed in.
 */
export function AccountNav() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getSession()
      .then((s) => live && setSession(s))
      .catch(() => live && setSession(null));
    return () => {
      live = false;
    };
  }, []);
  if (session === undefined) return <span aria-hidden="true" className="h-8 w-20" />;
  if (!session?.user) {
    return (
      <Link
        href="/sign-in"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        Sign in
      </Link>
    );
  }
  return (
    <div data-testid="account-nav" className="flex items-center gap-3 text-sm">
      <Link
        href="/account"
        title="Your account"
        className="hidden text-slate-600 hover:text-slate-900 sm:inline"
      >
        {session.user.email ?? session.user.name}
      </Link>
      <Link
        href="/app"
        className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
      >
        Console
      </Link>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/" })}
        className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
      >
        Sign out
      </button>
    </div>
  );
}
