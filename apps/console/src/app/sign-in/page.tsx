import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/safe-callback";
import { consoleEnv } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Where the form may go after signing in: a path on the console's origin (src/lib/safe-callback.ts). */
function safeCallback(value: string | undefined): string {
  return safeCallbackPath(value, consoleEnv().NEXTAUTH_URL ?? "http://localhost");
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
