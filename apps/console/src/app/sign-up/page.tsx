import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default function SignUpPage() {
  return (
    <AuthCard
      title="Create your Sekuire account"
      subtitle="You become the owner of a new organization; invite your team afterwards."
    >
      <SignUpForm />
    </AuthCard>
  );
}
