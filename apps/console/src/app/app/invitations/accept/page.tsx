import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { actionError, serverCaller } from "@/server/api";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token: raw } = await searchParams;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const caller = await serverCaller(
    `/app/invitations/accept?token=${encodeURIComponent(token ?? "")}`,
  );
  let message = "This invitation link is missing its token.";
  if (token) {
    let organizationId: string | null = null;
    try {
      const accepted = await caller.members.invitations.accept({ token });
      organizationId = accepted.organizationId;
    } catch (error) {
      message = actionError(error).message ?? "This invitation could not be accepted.";
    }
    if (organizationId) redirect(`/app/${organizationId}/workspaces`);
  }
  return (
    <div className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Invitation</h1>
      <p role="alert" className="mt-3 text-sm text-red-700">
        {message}
      </p>
      <Link href="/app" className="mt-6 inline-block text-sm font-medium text-brand-700">
        Go to your organizations
      </Link>
    </div>
  );
}
