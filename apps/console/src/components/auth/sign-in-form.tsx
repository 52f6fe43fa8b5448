"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useState } from "react";
import { safeCallbackPath } from "@/lib/safe-callback";
import { Field, FormError, primaryButton, secondaryButton } from "./fields";

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link is invalid or has expired. Ask for a new one.",
  AccessDenied: "No account uses that email. Sign up first.",
  EmailSignin: "The sign-in email could not be sent. Try again or use your password.",
  CredentialsSignin: "Wrong email or password.",
  SessionRequired: "Sign in to continue.",
};

export function SignInForm({
  callbackUrl,
  initialError,
  sent,
}: {
  callbackUrl: string;
  initialError: string | null;
  sent: boolean;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(
    initialError ? (ERRORS[initialError] ?? initialError) : null,
  );
  const [notice, setNotice] = useState<string | null>(
    sent ? "Check your email: we sent you a sign-in link." : null,
  );
  const [busy, setBusy] = useState(false);
  // Until hydrated, the buttons stay disabled: a native submit would put the password in a URL.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function withPassword(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      // Checked again here against the page's own origin: the page's prop is the first line.
      window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
      return;
    }
    setBusy(false);
    setError(result?.error ? (ERRORS[result.error] ?? result.error) : "Sign-in failed.");
  }

  async function withLink() {
    if (!email) {
      setError("Enter your email address first.");
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("email", { email, redirect: false, callbackUrl });
    setBusy(false);
    if (result?.error) setError(ERRORS[result.error] ?? result.error);
    else setNotice(`If an account uses ${email}, a sign-in link is on its way.`);
  }

  return (
    <form onSubmit={withPassword} method="post" className="space-y-4" aria-label="Sign in">
      <FormError message={error} />
      {notice ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {notice}
        </p>
      ) : null}
      <Field
        label="Email"
        id="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field
        label="Password"
        id="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className={primaryButton} disabled={busy || !ready}>
        Sign in
      </button>
      <div className="flex items-center gap-3 text-xs text-slate-500">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <button
        type="button"
        className={secondaryButton}
        disabled={busy || !ready}
        onClick={withLink}
      >
        Email me a sign-in link
      </button>
      <p className="text-center text-sm text-slate-600">
        New to Sekuire?{" "}
        <Link href="/sign-up" className="font-medium text-brand-600 hover:text-brand-700">
          Create an account
        </Link>
      </p>
    </form>
  );
}
