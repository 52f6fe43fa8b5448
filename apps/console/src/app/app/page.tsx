import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateOrganizationForm } from "@/components/app/create-organization-form";
import { serverCaller } from "@/server/api";
import { currentUser } from "@/server/auth";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Your organizations" };
export const dynamic = "force-dynamic";

export default async function AppHome() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fapp");
  const caller = await serverCaller();
  const organizations = await caller.organizations.list();
  return (
    <div className="mx-auto max-w-3xl px-6 py-12">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your organizations</h1>
          <p className="mt-1 text-sm text-slate-600">
            Signed in as <span className="font-medium">{user.email ?? user.name}</span>
          </p>
        </div>
      </div>
      {organizations.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
          You do not belong to any organization yet. Ask an owner to invite you, or create one
          below.
        </p>
      ) : (
        <ul
          className="mt-8 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
          aria-label="Organizations"
        >
          {organizations.map((org) => (
            <li key={org.id} className="flex items-center justify-between px-4 py-3">
              <Link href={`/app/${org.id}/workspaces`} className="font-medium hover:text-brand-700">
                {org.name}
              </Link>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                {org.role}
              </span>
            </li>
          ))}
        </ul>
      )}
      <CreateOrganizationForm action={createOrganizationAction} />
    </div>
  );
}
