import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A same-site path only, so the form cannot be made to redirect elsewhere. */
function safeCallback(value: string | undefined): string {
  if (!value) return "/app";
  try {
    const url = new URL(value, "http://local");
    if (value.startsWith("/") && !value.startsWith("//")) return url.pathname + url.search;
    return url.pathname.startsWith("/") ? url.pathname + url.search : "/app";
  } catch {
    return "/app";
  }
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  return (
    <AuthCard title="Sign in to Sekuire" subtitle="Run your organization's agent policies.">
      <SignInForm
        callbackUrl={safeCallback(first(params.callbackUrl))}
        initialError={first(params.error) ?? null}
        sent={first(params.sent) === "1"}
      />
    </AuthCard>
  );
}
