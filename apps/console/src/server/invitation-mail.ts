/**
 * Invitations go out by email as well as being shown once to the admin. A mail that cannot be
 * sent does not undo the invitation: the admin still has the link to pass on, and is told why.
 */
import { invitationEmail, mailerFromEnv } from "@sekuire/email";
import { headers } from "next/headers";
import { consoleEnv } from "./env";

export type MailOutcome = "sent" | "logged" | { failed: string };

/** The console's public base URL: NEXTAUTH_URL, else what the request says it was sent to. */
export async function publicBaseUrl(): Promise<string> {
  const configured = consoleEnv().NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export function invitationUrl(base: string, token: string): string {
  return `${base}/app/invitations/accept?token=${encodeURIComponent(token)}`;
}

export async function sendInvitationEmail(invitation: {
  to: string;
  url: string;
  organizationName: string;
  role: string;
  invitedBy: string | null;
}): Promise<MailOutcome> {
  let mailer: ReturnType<typeof mailerFromEnv>;
  try {
    mailer = mailerFromEnv();
  } catch (error) {
    return { failed: (error as Error).message };
  }
  try {
    await mailer.send({ to: invitation.to, ...invitationEmail(invitation) });
    return mailer.kind === "smtp" ? "sent" : "logged";
  } catch (error) {
    console.error(`[invitations] mail to ${invitation.to} failed:`, error);
    return { failed: "the mail server refused or did not answer" };
  } finally {
    mailer.close();
  }
}
