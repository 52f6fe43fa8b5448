/**
 * Mail the platform sends on its own account: through @sekuire/email's mailer (SMTP from the
 * environment, or the log in development), so the console and the worker send alike.
 * Invitations go out by email as well as being shown once to the admin; a mail that cannot be
 * sent does not undo the invitation, and the admin is told why.
 */
import { invitationEmail, type Mailer, mailerFromEnv, signInLinkEmail } from "@sekuire/email";

export type { Mailer } from "@sekuire/email";

/** A mailer for a long-running process (the worker): SMTP from the environment, pooled. */
export function platformMailer(): Mailer {
  return mailerFromEnv();
}

export type MailOutcome = "sent" | "logged" | { failed: string };

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

/** A sign-in link; a failure is thrown, so next-auth shows its error page. */
export async function sendSignInLink(to: string, url: string): Promise<void> {
  const mailer = mailerFromEnv();
  try {
    await mailer.send({ to, ...signInLinkEmail({ url, host: new URL(url).host }) });
  } finally {
    mailer.close();
  }
}

export function invitationUrl(base: string, token: string): string {
  return `${base}/app/invitations/accept?token=${encodeURIComponent(token)}`;
}
