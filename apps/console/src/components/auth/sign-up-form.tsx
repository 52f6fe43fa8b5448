"use client";

import type { ErrorEnvelope } from "@sekuire/contracts";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useState } from "react";
import { Field, FormError, primaryButton } from "./fields";

export function SignUpForm() {
  const [form, setForm] = useState({ name: "", email: "", password: "", organizationName: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until hydrated, the buttons stay disabled: a native submit would put the password in a URL.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch("/api/sign-up", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(form),
    });
    if (!res.ok) {
      // The one error envelope: the first bad field's message, else the error's own.
      const body = (await res.json().catch(() => null)) as ErrorEnvelope | null;
      setError(body?.error.details?.[0]?.message ?? body?.error.message ?? "Sign-up failed.");
      setBusy(false);
      return;
    }
    const result = await signIn("credentials", {
      email: form.email,
      password: form.password,
      redirect: false,
      callbackUrl: "/app",
    });
    if (result?.ok && !result.error) window.location.assign("/app");
    else window.location.assign("/sign-in");
  }

  return (
    <form onSubmit={submit} method="post" className="space-y-4" aria-label="Sign up">
      <FormError message={error} />
      <Field
        label="Your name"
        id="name"
        autoComplete="name"
        required
        value={form.name}
        onChange={set("name")}
      />
      <Field
        label="Work email"
        id="email"
        type="email"
        autoComplete="email"
        required
        value={form.email}
        onChange={set("email")}
      />
      <Field
        label="Password (at least 10 characters)"
        id="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        value={form.password}
        onChange={set("password")}
      />
      <Field
        label="Organization name"
        id="organizationName"
        required
        value={form.organizationName}
        onChange={set("organizationName")}
      />
      <button type="submit" className={primaryButton} disabled={busy || !ready}>
        Create account and organization
      </button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:text-brand-700">
          Sign in
        </Link>
      </p>
    </form>
  );
}
