import { accountSummary } from "@sekuire/core/accounts";
import { platformDb } from "@sekuire/core/runtime";
import type { Metadata } from "next";
import { PasswordForm, SignOutOthersForm } from "@/components/account/account-forms";
import { signedIn } from "@/server/api";
import { changePasswordAction, signOutOthersAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const { user } = await signedIn("/account");
  const account = await accountSummary(platformDb, user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-6 py-12">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as <span className="font-medium">{user.email}</span>
        </p>
      </div>
      <PasswordForm hasPassword={account.hasPassword} action={changePasswordAction} />
      <SignOutOthersForm open={account.openSessions} action={signOutOthersAction} />
    </div>
  );
}
